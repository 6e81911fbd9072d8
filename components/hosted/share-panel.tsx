"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/components/hosted/form-styles";
import { qrPath, shareLinks } from "@/components/hosted/share-links";

// The share link with a copy button, plain share links and the QR code. Used after signing up and on the
// private status page; the only interactive bit is the copy button.

export function SharePanel({
  slug,
  refCode,
  shareUrl,
  title,
}: {
  slug: string;
  refCode: string;
  shareUrl: string;
  title: string;
}) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(shareUrl);
      setCopied("done");
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): the field is selected instead.
      (document.getElementById("wf-share-url") as HTMLInputElement | null)?.select();
      setCopied("failed");
    }
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="wf-share-url" className="block text-sm font-medium">
          Your share link
        </label>
        <div className="mt-1.5 flex gap-2">
          <input
            id="wf-share-url"
            readOnly
            value={shareUrl}
            onFocus={(e) => e.currentTarget.select()}
            className="h-10 min-w-0 flex-1 rounded-(--wf-radius) border border-(color:--wf-line) bg-(--wf-field) px-3 font-mono text-sm focus:border-(color:--wf-primary) focus:ring-3 focus:ring-(color:--wf-tint) focus:outline-none"
          />
          <button type="button" onClick={copy} className={secondaryButtonClass}>
            {copied === "done" ? "Copied" : "Copy"}
          </button>
        </div>
        <p aria-live="polite" className="mt-1 min-h-4 text-xs text-(color:--wf-muted)">
          {copied === "done" ? "Link copied to your clipboard." : copied === "failed" ? "Press Ctrl+C (⌘C) to copy." : ""}
        </p>
      </div>

      <div className="flex flex-col gap-5 sm:flex-row sm:items-center">
        <ul aria-label="Share" className="grid flex-1 grid-cols-2 gap-2">
          {shareLinks(shareUrl, title).map((link) => (
            <li key={link.id}>
              <a
                href={link.href}
                target="_blank"
                rel="noopener noreferrer"
                className={`${secondaryButtonClass} w-full`}
                data-share={link.id}
              >
                <ShareIcon id={link.id} />
                {link.label}
              </a>
            </li>
          ))}
        </ul>
        <figure className="flex shrink-0 flex-col items-center gap-1">
          {/* eslint-disable-next-line @next/next/no-img-element -- a small SVG from our own route; next/image adds nothing */}
          <img
            src={qrPath(slug, refCode)}
            width={112}
            height={112}
            alt="QR code of your share link"
            className="size-28 rounded-lg border border-(color:--wf-line) bg-white p-1.5"
          />
          <figcaption className="text-xs text-(color:--wf-muted)">Scan to share</figcaption>
        </figure>
      </div>
    </div>
  );
}

function ShareIcon({ id }: { id: "x" | "linkedin" | "whatsapp" | "email" }) {
  const paths = {
    x: "M4 4l16 16M20 4 4 20",
    linkedin: "M6 9v9M6 6v.01M10 18v-5a3 3 0 0 1 6 0v5M10 9v9",
    whatsapp: "M4 20l1.4-4.2A8 8 0 1 1 8.2 18.6Z",
    email: "M4 6h16v12H4zM4 7l8 6 8-6",
  } as const;
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={paths[id]} />
    </svg>
  );
}
