"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

// Renders its children inside an iframe (a React portal into the frame's document), so the preview lays out
// at a real viewport width: the hosted page's responsive breakpoints see the device being previewed, not the
// dashboard window. The dashboard's stylesheets (Tailwind, the bundled fonts) are cloned into the frame.

const DEVICES = {
  desktop: { width: 1024, height: 720 },
  mobile: { width: 390, height: 720 },
} as const;

export type PreviewDevice = keyof typeof DEVICES;

const BLANK = "<!doctype html><html lang=\"en\"><head></head><body></body></html>";

/** Clones the dashboard's stylesheets into the frame, each once (re-adding a <link> would refetch it). */
function mirrorStyles(target: Document, copied: WeakSet<Node>): void {
  document.head.querySelectorAll('link[rel="stylesheet"], style').forEach((node) => {
    if (copied.has(node)) return;
    copied.add(node);
    target.head.appendChild(node.cloneNode(true));
  });
}

// The portal root fills the frame; a grid stretches the page inside it to the full height too.
const FRAME_BASE_CSS = "html,body{margin:0;height:100%}body>div{min-height:100%;display:grid}";

export function PreviewFrame({ device, title, children }: { device: PreviewDevice; title: string; children: ReactNode }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [body, setBody] = useState<HTMLElement | null>(null);
  const [boxWidth, setBoxWidth] = useState(0);

  useEffect(() => {
    const iframe = frame.current;
    if (!iframe) return;
    let observer: MutationObserver | undefined;
    const attach = () => {
      const doc = iframe.contentDocument;
      if (!doc?.body) return;
      const copied = new WeakSet<Node>();
      const base = doc.createElement("style");
      base.textContent = FRAME_BASE_CSS;
      doc.head.appendChild(base);
      mirrorStyles(doc, copied);
      // Client navigations add stylesheets to the dashboard's head later; mirror those too.
      observer?.disconnect();
      observer = new MutationObserver(() => mirrorStyles(doc, copied));
      observer.observe(document.head, { childList: true });
      setBody(doc.body);
    };
    if (iframe.contentDocument?.readyState === "complete" && iframe.contentDocument.body) attach();
    iframe.addEventListener("load", attach);
    return () => {
      iframe.removeEventListener("load", attach);
      observer?.disconnect();
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const resize = new ResizeObserver(([entry]) => setBoxWidth(entry?.contentRect.width ?? 0));
    resize.observe(el);
    return () => resize.disconnect();
  }, []);

  const size = DEVICES[device];
  const scale = boxWidth > 0 ? Math.min(1, boxWidth / size.width) : 0;

  return (
    <div ref={box} className="w-full">
      <div
        className="relative mx-auto overflow-hidden rounded-xl bg-white ring-1 ring-line"
        style={{ width: size.width * scale, height: size.height * scale, visibility: scale ? "visible" : "hidden" }}
      >
        <iframe
          ref={frame}
          title={title}
          srcDoc={BLANK}
          // Tests and screen readers find the preview by its title; it is a picture of the page, not a form.
          tabIndex={-1}
          className="absolute top-0 left-0 origin-top-left border-0"
          style={{ width: size.width, height: size.height, transform: `scale(${scale})` }}
        />
        {body ? createPortal(children, body) : null}
      </div>
    </div>
  );
}
