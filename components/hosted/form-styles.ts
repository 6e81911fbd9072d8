// Class strings shared by the live signup form, the embed page and the dashboard's static preview, so the
// preview is the page. Colours come only from the --wf-* variables set by themeStyle().

export const cardClass =
  "rounded-(--wf-radius-card) border border-(color:--wf-line) bg-(--wf-bg) p-5 text-left sm:p-7 " +
  "shadow-[0_1px_2px_rgb(0_0_0/0.04),0_18px_40px_-24px_rgb(0_0_0/0.35)]";

export const labelClass = "block text-sm font-medium";

export const inputClass =
  "block h-11 w-full rounded-(--wf-radius) border border-(color:--wf-line) bg-(--wf-field) px-3.5 text-base " +
  "text-(color:--wf-text) placeholder:text-(color:--wf-muted) placeholder:opacity-70 shadow-xs transition " +
  "focus:border-(color:--wf-primary) focus:outline-none focus:ring-3 focus:ring-(color:--wf-tint) " +
  "aria-invalid:border-red-500 sm:text-sm";

export const primaryButtonClass =
  "inline-flex h-11 w-full items-center justify-center gap-2 rounded-(--wf-radius) bg-(--wf-primary) px-5 " +
  "text-base font-semibold text-(color:--wf-on-primary) shadow-sm transition hover:brightness-110 " +
  "active:brightness-95 disabled:cursor-progress disabled:opacity-70 focus-visible:outline-2 " +
  "focus-visible:outline-offset-2 focus-visible:outline-(color:--wf-primary) sm:text-sm";

export const secondaryButtonClass =
  "inline-flex h-10 items-center justify-center gap-2 rounded-(--wf-radius) border border-(color:--wf-line) " +
  "bg-(--wf-bg) px-3.5 text-sm font-medium text-(color:--wf-text) transition hover:bg-(--wf-surface) " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-(color:--wf-primary)";

export const errorClass =
  "rounded-(--wf-radius) border border-red-300 bg-red-50 px-3.5 py-2.5 text-sm text-red-800";

export const fieldErrorClass = "mt-1.5 text-sm font-medium text-red-600";
