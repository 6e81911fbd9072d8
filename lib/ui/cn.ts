type ClassValue = string | number | false | null | undefined | ClassValue[] | Record<string, boolean | undefined>;

/**
 * Joins class names, skipping falsy ones. Deliberately no conflict merging (no tailwind-merge): which of two
 * conflicting utilities wins depends on the stylesheet, not on order here, so callers pass only additions
 * (layout, spacing) and components offer variants for anything that changes colour or size.
 */
export function cn(...values: ClassValue[]): string {
  const out: string[] = [];
  const walk = (value: ClassValue): void => {
    if (!value) return;
    if (typeof value === "string" || typeof value === "number") {
      out.push(String(value));
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else {
      for (const [key, on] of Object.entries(value)) if (on) out.push(key);
    }
  };
  values.forEach(walk);
  return out.join(" ");
}
