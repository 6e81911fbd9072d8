"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

// The only client part of the dashboard's navigation: it needs the current path to mark the active item.

export function NavLink({ href, exact = false, children }: { href: string; exact?: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "relative inline-flex h-full items-center px-1 text-sm font-medium transition-colors",
        "after:absolute after:inset-x-0 after:-bottom-px after:h-0.5 after:rounded-full",
        active ? "text-ink after:bg-brand-600" : "text-muted hover:text-ink after:bg-transparent",
      )}
    >
      {children}
    </Link>
  );
}
