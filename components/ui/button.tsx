import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

// "inverse" and "inverse-ghost" sit on dark or brand-coloured surfaces. Separate variants rather than
// className overrides, because cn() does not resolve conflicting utilities.
export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "link" | "inverse" | "inverse-ghost";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "inline-flex items-center justify-center gap-2 whitespace-nowrap font-medium transition-colors " +
  "disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2";

const variants: Record<ButtonVariant, string> = {
  primary:
    "bg-brand-600 text-white shadow-sm hover:bg-brand-700 active:bg-brand-800 focus-visible:outline-brand-600",
  secondary:
    "bg-white text-ink ring-1 ring-inset ring-line shadow-sm hover:bg-surface hover:ring-zinc-300 " +
    "focus-visible:outline-brand-600",
  ghost: "text-ink hover:bg-zinc-100 focus-visible:outline-brand-600",
  danger: "bg-red-600 text-white shadow-sm hover:bg-red-700 active:bg-red-800 focus-visible:outline-red-600",
  inverse: "bg-white text-brand-700 shadow-sm hover:bg-brand-50 active:bg-brand-100 focus-visible:outline-white",
  "inverse-ghost": "text-white ring-1 ring-inset ring-white/25 hover:bg-white/10 focus-visible:outline-white",
  link: "text-brand-700 underline-offset-4 hover:underline focus-visible:outline-brand-600",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 rounded-lg px-3 text-sm",
  md: "h-10 rounded-control px-4 text-sm",
  lg: "h-12 rounded-control px-6 text-base",
};

// The link variant reads as inline text, so it drops the control's height and padding.
const linkSizes: Record<ButtonSize, string> = { sm: "text-sm", md: "text-sm", lg: "text-base" };

/** The class string, for elements that must look like a button but cannot be one of ours. */
export function buttonClasses({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(base, variants[variant], variant === "link" ? linkSizes[size] : sizes[size], className);
}

type StyleProps = { variant?: ButtonVariant; size?: ButtonSize };

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & StyleProps;

export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />;
}

export type ButtonLinkProps = ComponentProps<typeof Link> & StyleProps;

/** Navigation that looks like a button: a real <a> (via next/link), so it opens in new tabs and crawls. */
export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <Link className={buttonClasses({ variant, size, className })} {...props} />;
}
