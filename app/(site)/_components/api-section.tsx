import { ButtonLink } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CheckIcon } from "./icons";

const request = `curl -X POST https://waitforge.com/api/public/your-slug/signup \\
  -H "Content-Type: application/json" \\
  -d '{
    "email": "alice@example.com",
    "name": "Alice",
    "ref": "AB3CD4EF",
    "turnstile": "TURNSTILE_TOKEN"
  }'`;

const response = `HTTP/1.1 200 OK

{
  "ok": true,
  "position": 47,
  "ref_code": "XY9ZW8V7",
  "share_path": "/w/your-slug?ref=XY9ZW8V7"
}`;

const points = [
  "CORS-enabled: post from any origin, localhost included",
  "Same email twice? You get their existing place back, not an error",
  "Plain status codes: 400 invalid, 403 bot or full, 429 rate limited",
];

export function ApiSection() {
  return (
    <section id="api" aria-labelledby="api-heading" className="scroll-mt-20 bg-zinc-950 text-white">
      <div className="mx-auto grid max-w-6xl items-center gap-12 px-4 py-20 sm:px-6 lg:grid-cols-[1fr_1.2fr]">
        <div>
          <p className="text-sm font-semibold text-brand-300">Public API</p>
          <h2 id="api-heading" className="mt-2 text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
            Your form, your stack, our queue
          </h2>
          <p className="mt-4 text-lg text-pretty text-zinc-400">
            Prefer your own signup UI? Post to one endpoint and get back the person&apos;s place in line and their
            referral code. No API key needed: a Turnstile token proves a human sent it.
          </p>
          <ul className="mt-6 space-y-3 text-sm text-zinc-300">
            {points.map((point) => (
              <li key={point} className="flex gap-2">
                <CheckIcon className="mt-0.5 size-4 shrink-0 text-brand-300" />
                {point}
              </li>
            ))}
          </ul>
          <ButtonLink href="/w/demo" variant="inverse-ghost" className="mt-8">
            Try it on the demo waitlist
          </ButtonLink>
        </div>
        <div className="min-w-0 space-y-4">
          <CodeBlock title="POST /api/public/<slug>/signup" language="bash" code={request} />
          <CodeBlock title="Response" language="json" code={response} />
        </div>
      </div>
    </section>
  );
}
