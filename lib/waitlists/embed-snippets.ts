// The two ways to put a waitlist on another site, as the dashboard shows them (with a copy button).
// Pure strings; slugs are validated by SLUG_PATTERN before they get here, and are escaped regardless.

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The script embed: a custom element with Shadow DOM, no framework (public/embed.js). */
export function scriptEmbedSnippet(origin: string, slug: string): string {
  return `<script src="${attr(origin)}/embed.js" data-waitlist="${attr(slug)}" async></script>`;
}

/**
 * The iframe embed for sites that forbid third-party scripts. The inline listener grows the iframe to the
 * form's height (the page posts it) and accepts messages only from our origin.
 */
export function iframeEmbedSnippet(origin: string, slug: string): string {
  const src = `${origin}/w/${encodeURIComponent(slug)}/embed`;
  const id = `waitforge-${slug}`;
  return [
    `<iframe id="${attr(id)}" src="${attr(src)}" title="Join the waitlist" loading="lazy"`,
    `  style="width:100%;max-width:480px;height:420px;border:0;color-scheme:normal"></iframe>`,
    `<script>`,
    `  (function (f, r) {`,
    `    // Carry this page's ?ref= into the form, so referral links to your site still credit the referrer.`,
    `    if (f && r) f.src = ${JSON.stringify(src)} + "?ref=" + encodeURIComponent(r);`,
    `  })(document.getElementById(${JSON.stringify(id)}), new URLSearchParams(location.search).get("ref"));`,
    `  addEventListener("message", function (e) {`,
    `    var f = document.getElementById(${JSON.stringify(id)});`,
    `    if (f && e.origin === ${JSON.stringify(origin)} && e.source === f.contentWindow && e.data && e.data.type === "waitforge:resize")`,
    `      f.style.height = Math.min(Math.max(Number(e.data.height) || 0, 120), 4000) + "px";`,
    `  });`,
    `</script>`,
  ].join("\n");
}
