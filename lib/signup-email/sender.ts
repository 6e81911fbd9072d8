// Who a signup's email is from: the waitlist's title as the display name, at EMAIL_FROM's address.

const ADDRESS_IN_BRACKETS = /<([^<>\s]+@[^<>\s]+)>\s*$/;

/** Control characters (line breaks above all) collapsed to spaces: for anything that goes into a header. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

/** The bare address of "Name <a@b>" or "a@b". */
export function addressOf(from: string): string {
  return ADDRESS_IN_BRACKETS.exec(from)?.[1] ?? from.trim();
}

/**
 * `"<title>" <address>` with the title as an RFC 5322 quoted string: backslashes and quotes escaped, line
 * breaks and other control characters dropped (no header injection), and cut to a sane length.
 */
export function senderFor(title: string, emailFrom: string): string {
  const clean = oneLine(title).slice(0, 64);
  const quoted = clean.replace(/[\\"]/g, (c) => `\\${c}`);
  const address = addressOf(emailFrom);
  return quoted ? `"${quoted}" <${address}>` : address;
}
