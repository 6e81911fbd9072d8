// A lone UTF-16 surrogate: JSON.stringify writes it as a \ud800 escape, which PostgreSQL's jsonb refuses (and
// text would silently turn into U+FFFD). Checked at every boundary that stores text. No imports: the script
// embed bundles this (through lib/fields/validate.ts).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** The text with every lone surrogate as U+FFFD and NUL characters dropped: storable in text and jsonb. */
export function storableForm(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE.source, "g"), "\uFFFD").replaceAll("\u0000", "");
}
