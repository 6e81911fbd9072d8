import Link from "next/link";
import { cn } from "@/lib/ui/cn";

/** The WaitForge mark: a queue of three bars, the front one lit. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={cn("size-8", className)}>
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <rect x="7" y="8" width="18" height="4" rx="2" fill="white" />
      <rect x="7" y="14" width="13" height="4" rx="2" fill="white" fillOpacity="0.7" />
      <rect x="7" y="20" width="8" height="4" rx="2" fill="white" fillOpacity="0.45" />
    </svg>
  );
}

export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link
      href={href}
      className={cn("inline-flex items-center gap-2 rounded-lg text-lg font-semibold tracking-tight text-ink", className)}
    >
      <LogoMark className="size-7" />
      <span>WaitForge</span>
    </Link>
  );
}
