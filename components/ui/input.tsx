import type { InputHTMLAttributes } from "react";
import { cn } from "@/lib/ui/cn";

export type InputProps = InputHTMLAttributes<HTMLInputElement>;

export const inputClasses =
  "block w-full rounded-control border-0 bg-white px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset " +
  "ring-zinc-300 placeholder:text-zinc-400 transition-shadow " +
  "focus:outline-none focus:ring-2 focus:ring-brand-500 " +
  "disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 " +
  "aria-invalid:ring-red-400 aria-invalid:focus:ring-red-500";

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(inputClasses, "h-10", className)} {...props} />;
}
