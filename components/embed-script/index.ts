/**
 * WaitForge embed: put a waitlist's signup form on any page.
 *
 *   <script src="https://<host>/embed.js" data-waitlist="your-slug" async></script>
 *
 * or place <waitforge-waitlist waitlist="your-slug"></waitforge-waitlist> yourself and load the script once.
 * Options (on the script tag as data-*, or on the element without the prefix):
 *   data-target=".selector"  render into that element instead of next to the script tag
 *   data-share-url="…"       base of the share link (default: this page, so a friend's visit here carries
 *                            ?ref= into the form); "hosted" uses the waitlist's page on WaitForge
 *
 * Bundled into public/embed.js (generated, git-ignored) by scripts/build-embed.ts.
 */
import { SCRIPT_TAG } from "./script-tag";
import { WaitforgeWaitlist } from "./waitlist-element";

// The entry of public/embed.js (a generated file). No framework: a custom element with Shadow DOM, within a
// 12 kB gzip budget (scripts/check-bundle-budget.ts).

const TAG = "waitforge-waitlist";

if (!customElements.get(TAG)) customElements.define(TAG, WaitforgeWaitlist);

// The one-line form: <script src=".../embed.js" data-waitlist="slug">.
const script = SCRIPT_TAG;
if (script?.dataset.waitlist) {
  const node = document.createElement(TAG);
  node.setAttribute("waitlist", script.dataset.waitlist);
  if (script.dataset.shareUrl) node.setAttribute("share-url", script.dataset.shareUrl);
  const place = () => {
    let target: Element | null = null;
    try {
      target = script.dataset.target ? document.querySelector(script.dataset.target) : null;
    } catch {
      // Not a valid selector: place the form next to the script tag as if there were none.
    }
    if (target) target.append(node);
    else if (script.parentNode && script.parentNode !== document.head) script.after(node);
    else document.body.append(node);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", place);
  else place();
}
