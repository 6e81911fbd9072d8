"use client";

import { useEffect, useRef } from "react";
import { SharePanel } from "@/components/hosted/share-panel";
import { statusPath } from "@/components/hosted/share-links";
import type { StoredSignup } from "@/components/hosted/signup-storage";

// What a visitor sees once they are in: their place, their share link, and their private status link.

export function SignupSuccess({
  slug,
  title,
  origin,
  signup,
  fresh,
  onReset,
}: {
  slug: string;
  title: string;
  origin: string;
  signup: StoredSignup;
  /** True right after submitting (focus moves here); false when restored after a reload. */
  fresh: boolean;
  onReset: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (fresh) heading.current?.focus();
  }, [fresh]);

  const shareUrl = `${origin}${signup.sharePath}`;
  const headline = signup.pending
    ? "Check your inbox to confirm"
    : signup.invited
      ? "You're already in, and you've been let in"
      : signup.duplicate
        ? "You're already in"
        : "You're on the list!";

  return (
    <div data-testid="signup-success" className="space-y-6">
      <div className="text-center">
        <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          {headline}
        </h2>
        {signup.pending ? (
          <p className="mx-auto mt-2 max-w-sm text-sm text-pretty text-(color:--wf-muted)" data-testid="signup-pending">
            We sent you an email with a link. Click it to take your place in line
            {signup.position !== null ? ` (#${signup.position.toLocaleString("en-US")} right now)` : ""}; your referral
            link counts from then on.
          </p>
        ) : signup.position !== null ? (
          <p className="mt-3" data-testid="signup-position">
            <span className="block text-sm text-(color:--wf-muted)">
              {signup.duplicate ? "Your place in line" : fresh ? "You're" : "You were"}
            </span>
            <span className="block text-6xl leading-none font-bold tracking-tight text-(color:--wf-primary) tabular-nums">
              #{signup.position.toLocaleString("en-US")}
            </span>
            {!fresh && !signup.duplicate ? (
              <span className="mt-1 block text-xs text-(color:--wf-muted)">when you joined</span>
            ) : null}
          </p>
        ) : (
          <p className="mt-2 text-sm text-(color:--wf-muted)">Check your inbox: the team has let you in.</p>
        )}
        <p className="mx-auto mt-4 max-w-sm text-sm text-pretty text-(color:--wf-muted)">
          Every friend who joins with your link moves you up the line.
        </p>
      </div>

      <SharePanel slug={slug} refCode={signup.refCode} shareUrl={shareUrl} title={title} />

      <div className="space-y-2 border-t border-(color:--wf-line) pt-4 text-sm">
        {signup.statusToken ? (
          <p>
            <a
              href={statusPath(slug, signup.statusToken)}
              target="_blank"
              rel="nofollow noopener"
              className="font-medium text-(color:--wf-primary) underline underline-offset-4"
            >
              Your private status page
            </a>{" "}
            <span className="text-(color:--wf-muted)">
              shows your live place and referrals. Bookmark it and keep it to yourself.
            </span>
          </p>
        ) : null}
        <button
          type="button"
          onClick={onReset}
          className="text-(color:--wf-muted) underline underline-offset-4 hover:text-(color:--wf-text)"
        >
          Not you? Sign up with another email
        </button>
      </div>
    </div>
  );
}
