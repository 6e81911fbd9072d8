import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "./copy-button";

/** A code block with its copy button in the title bar. */
export function SnippetBlock({ title, code, copyLabel, testId }: { title: string; code: string; copyLabel: string; testId?: string }) {
  return (
    <div className="relative" data-testid={testId}>
      <CodeBlock title={title} code={code} className="shadow-none" />
      <CopyButton value={code} label={copyLabel} variant="inverse-ghost" className="absolute top-1 right-1.5 h-7 px-2.5 text-xs" />
    </div>
  );
}
