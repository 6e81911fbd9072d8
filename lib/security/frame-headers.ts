// Who may put our pages in an iframe. Nobody but ourselves (clickjacking of sign-in and the dashboard), with
// one exception: /w/<slug>/embed, the iframe embed that customers put on their own sites. Returned in
// next.config's headers() shape; kept here so the rule and its exception live together.

type HeaderRule = { source: string; headers: { key: string; value: string }[] };

/** Paths other sites may frame: the iframe embed only. */
export const FRAMEABLE_PATH = "/w/:slug/embed";

export function frameHeaders(): HeaderRule[] {
  return [
    {
      // Everything except /w/<slug>/embed (a negative lookahead in Next's path syntax).
      source: "/:path((?!w/[^/]+/embed$).*)",
      headers: [
        { key: "Content-Security-Policy", value: "frame-ancestors 'self'" },
        { key: "X-Frame-Options", value: "SAMEORIGIN" },
      ],
    },
    {
      source: FRAMEABLE_PATH,
      headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }],
    },
  ];
}
