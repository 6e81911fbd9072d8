import { el, externalLink } from "./dom";
import type { SavedSignup } from "./saved-signup";
import { API_ORIGIN } from "./script-tag";

// What a visitor sees once they are in: their place, their share link and, right after signing up only, the
// link to their private status page. The token in that link is never stored (saved-signup.ts), so a later visit
// shows the same view without it.

export type SignupView = SavedSignup & { statusToken?: string };

export type SuccessViewOptions = {
  slug: string;
  signup: SignupView;
  /** True right after submitting; false when restored from an earlier visit. */
  fresh: boolean;
  shareUrl: string;
  branding: boolean;
  onReset: () => void;
};

export function successView(o: SuccessViewOptions): { nodes: Node[]; heading: HTMLHeadingElement } {
  const { signup } = o;
  const heading = el("h2", {
    tabindex: "-1",
    text: signup.pending
      ? "Check your inbox to confirm"
      : signup.invited
        ? "You're already in, and you've been let in"
        : signup.duplicate || !o.fresh
          ? "You're already in"
          : "You're on the list!",
  });
  const place = signup.pending
    ? [el("p", { class: "m", text: "We sent you an email with a link: click it to take your place in line." })]
    : signup.position !== null
      ? [
          el("p", { class: "n", "data-position": String(signup.position), text: `#${signup.position.toLocaleString("en-US")}` }),
          !o.fresh && !signup.duplicate && el("p", { class: "m", text: "your place when you joined" }),
        ]
      : [el("p", { class: "m", text: "Check your inbox: the team has let you in." })];

  const input = el("input", { readonly: "", value: o.shareUrl, "aria-label": "Your share link" });
  const copy = el("button", { type: "button", class: "s", text: "Copy" });
  copy.onclick = () => {
    input.select();
    const copied = () => (copy.textContent = "Copied");
    if (navigator.clipboard) navigator.clipboard.writeText(o.shareUrl).then(copied, () => undefined);
    else if (document.execCommand("copy")) copied();
  };

  const reset = el("button", { type: "button", class: "l", text: "Not you? Sign up with another email" });
  reset.onclick = o.onReset;

  const nodes: Node[] = [
    el("div", { class: "t" }, [
      heading,
      ...place,
      el("p", { class: "m", text: "Every friend who joins with your link moves you up the line." }),
    ]),
    el("div", { class: "r" }, [input, copy]),
  ];
  if (signup.statusToken) {
    const href = `${API_ORIGIN}/w/${encodeURIComponent(o.slug)}/status/${encodeURIComponent(signup.statusToken)}`;
    nodes.push(
      el("p", { class: "m" }, [
        externalLink(href, "Your private status page"),
        " shows your live place. Bookmark it and keep it to yourself: for your privacy it isn't saved here.",
      ]),
    );
  }
  nodes.push(reset);
  if (o.branding) nodes.push(poweredBy());
  return { nodes, heading };
}

export function poweredBy(): HTMLParagraphElement {
  return el("p", { class: "p" }, [externalLink(`${API_ORIGIN}/?utm_source=embed`, "Powered by WaitForge", "noopener")]);
}
