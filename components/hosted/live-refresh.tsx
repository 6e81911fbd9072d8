"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Keeps a server-rendered page live: re-renders it from the server every `seconds` while the tab is visible
// (a moving place in line, referrals arriving), and once when the visitor comes back to the tab.
export function LiveRefresh({ seconds = 30 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = window.setInterval(refresh, seconds * 1000);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [router, seconds]);
  return null;
}
