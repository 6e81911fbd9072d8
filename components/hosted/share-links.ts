// Share targets as plain links: no third-party scripts or iframes, so sharing costs the page nothing and
// tells no one who visited. Owner text goes only through encodeURIComponent into our own URL templates.

export type ShareLink = { id: "x" | "linkedin" | "whatsapp" | "email"; label: string; href: string };

export function shareLinks(url: string, waitlistTitle: string): ShareLink[] {
  const text = `I just joined the waitlist for ${waitlistTitle}. Join with my link to move me up:`;
  const e = encodeURIComponent;
  return [
    { id: "x", label: "X", href: `https://x.com/intent/tweet?text=${e(text)}&url=${e(url)}` },
    { id: "linkedin", label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}` },
    { id: "whatsapp", label: "WhatsApp", href: `https://wa.me/?text=${e(`${text} ${url}`)}` },
    {
      id: "email",
      label: "Email",
      href: `mailto:?subject=${e(`Join me on the ${waitlistTitle} waitlist`)}&body=${e(`${text}\n\n${url}`)}`,
    },
  ];
}

/** The QR image of a share link, drawn by our server (app/w/[slug]/qr). */
export function qrPath(slug: string, refCode: string): string {
  return `/w/${encodeURIComponent(slug)}/qr?ref=${encodeURIComponent(refCode)}`;
}

export function statusPath(slug: string, token: string): string {
  return `/w/${encodeURIComponent(slug)}/status/${encodeURIComponent(token)}`;
}
