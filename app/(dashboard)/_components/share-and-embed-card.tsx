import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { iframeEmbedSnippet, scriptEmbedSnippet } from "@/lib/waitlists/embed-snippets";
import { CopyButton } from "./copy-button";
import { SnippetTabs } from "./snippet-tabs";

// Every way to collect signups for one waitlist, each ready to paste.

export function curlSnippet(origin: string, slug: string): string {
  return [
    `curl -X POST ${origin}/api/public/${slug}/signup \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"email": "ada@example.com", "name": "Ada", "turnstile": "<TURNSTILE_TOKEN>"}'`,
  ].join("\n");
}

export function ShareAndEmbedCard({ origin, slug }: { origin: string; slug: string }) {
  const hostedUrl = `${origin}/w/${slug}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Share and embed</CardTitle>
        <CardDescription>Send people to the hosted page, put the form on your own site, or post to the API.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        <div>
          <p className="text-sm font-medium text-ink">Hosted page</p>
          <div className="mt-2 flex items-center gap-2 rounded-control bg-surface p-1.5 pl-3 ring-1 ring-line">
            <a
              href={hostedUrl}
              target="_blank"
              rel="noopener"
              data-testid="hosted-link"
              className="min-w-0 flex-1 truncate font-mono text-sm text-brand-700 hover:underline"
            >
              {hostedUrl}
            </a>
            <CopyButton value={hostedUrl} label="Copy hosted page link" />
          </div>
        </div>
        <SnippetTabs
          snippets={[
            {
              id: "script",
              label: "Script embed",
              description: "Paste it where the form should appear. It picks up your theme and resizes itself.",
              title: "HTML",
              code: scriptEmbedSnippet(origin, slug),
              copyLabel: "Copy script embed",
            },
            {
              id: "iframe",
              label: "Iframe",
              description: "For sites that don't allow third-party scripts. Grows to fit the form.",
              title: "HTML",
              code: iframeEmbedSnippet(origin, slug),
              copyLabel: "Copy iframe embed",
            },
            {
              id: "curl",
              label: "API",
              description: `Your own form: post JSON with a Turnstile token (the site key is in GET /api/public/${slug}/config).`,
              title: "curl",
              code: curlSnippet(origin, slug),
              copyLabel: "Copy curl example",
            },
          ]}
        />
      </CardContent>
    </Card>
  );
}
