"use client";

import { useEffect, useRef, type ReactNode } from "react";

// Inside the iframe embed (/w/<slug>/embed): tells the parent page our height whenever it changes, so the
// iframe never scrolls or leaves a gap. The message carries only a number; the parent snippet checks the
// sender's origin before using it.

export function FrameResizer({ slug, children }: { slug: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || window.parent === window) return;
    let last = -1;
    const post = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: "waitforge:resize", slug, height }, "*");
    };
    const observer = new ResizeObserver(post);
    observer.observe(el);
    post();
    return () => observer.disconnect();
  }, [slug]);
  return (
    <div ref={box} data-frame-content="">
      {children}
    </div>
  );
}
