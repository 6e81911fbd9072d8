import { leavePagePath, myDataPath } from "@/lib/signup-email/links";

// The foot of the private status page: the person's own data and the way out, both opened with the page's
// own status token (lib/signups/own-token.ts). Plain links: the download is read-only, and the leave page
// asks before it erases anything.
export function PrivacyLinks({ token }: { token: string }) {
  const link = "underline underline-offset-4 hover:text-(color:--wf-text)";
  return (
    <nav aria-label="Your data" className="flex flex-wrap justify-center gap-x-5 gap-y-1 text-xs text-(color:--wf-muted)">
      <a href={myDataPath(token)} download className={link}>
        Download my data
      </a>
      <a href={leavePagePath(token)} rel="nofollow" className={link}>
        Leave this waitlist
      </a>
    </nav>
  );
}
