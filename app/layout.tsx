import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

const description =
  "Launch a branded waitlist in minutes: hosted signup page, embeddable form and JSON API, referral " +
  "leaderboard, CSV export and bot protection.";

export const metadata: Metadata = {
  title: { default: "WaitForge: waitlists that grow themselves", template: "%s · WaitForge" },
  description,
  applicationName: "WaitForge",
  openGraph: { type: "website", siteName: "WaitForge", title: "WaitForge", description },
  twitter: { card: "summary", title: "WaitForge", description },
};

export const viewport: Viewport = {
  themeColor: "#4f46e5",
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
