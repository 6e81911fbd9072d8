import type { HTMLAttributes } from "react";
import { cn } from "@/lib/ui/cn";

export type CodeBlockProps = HTMLAttributes<HTMLElement> & {
  code: string;
  /** Shown in the title bar, e.g. a file name or "curl". */
  title?: string;
  language?: string;
};

/** A dark, scrollable snippet. Server-rendered; pair it with a client copy button where copying matters. */
export function CodeBlock({ code, title, language, className, ...props }: CodeBlockProps) {
  return (
    <figure
      className={cn("overflow-hidden rounded-card bg-zinc-950 text-zinc-100 shadow-card ring-1 ring-white/10", className)}
      {...props}
    >
      {title ? (
        <figcaption className="flex items-center gap-2 border-b border-white/10 px-4 py-2.5 text-xs text-zinc-400">
          <span className="flex gap-1.5" aria-hidden="true">
            <span className="size-2.5 rounded-full bg-zinc-700" />
            <span className="size-2.5 rounded-full bg-zinc-700" />
            <span className="size-2.5 rounded-full bg-zinc-700" />
          </span>
          <span className="ml-1 font-mono">{title}</span>
          {language ? <span className="ml-auto uppercase tracking-wide">{language}</span> : null}
        </figcaption>
      ) : null}
      {/* tabIndex lets keyboard users scroll long lines. */}
      <pre tabIndex={0} className="overflow-x-auto p-4 font-mono text-[13px] leading-relaxed">
        <code data-language={language}>{code}</code>
      </pre>
    </figure>
  );
}
