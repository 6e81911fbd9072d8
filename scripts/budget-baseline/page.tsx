import type { Metadata } from "next";

// Copied to app/budget-baseline/page.tsx of the throwaway build in ./build.ts, never part of the real app: an
// App Router page with no client component under the same root layout as /w/<slug>, the JavaScript floor that
// scripts/check-bundle-budget.ts subtracts from the hosted page's total.

export const metadata: Metadata = { title: "Budget baseline", robots: { index: false, follow: false } };

export default function BudgetBaselinePage() {
  return <main className="p-8 text-sm text-muted">Empty page (JavaScript budget baseline).</main>;
}
