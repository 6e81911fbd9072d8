import { NETWORK_PROBLEM, problemFromResponse, type FormProblem } from "@/components/hosted/signup-errors";

// POST /api/public/<slug>/signup as both signup forms send it, and its answer read defensively: a proxy's HTML
// page or a half-broken body becomes a FormProblem, never an exception. Plain TypeScript (the script embed
// bundles it too).

export type SignupResult = {
  position: number | null;
  refCode: string;
  /** Path of the share link on our origin, /w/<slug>?ref=<code>. */
  sharePath: string;
  /** Only in the answer to a new signup: the secret of the private status page. */
  statusToken?: string;
  duplicate: boolean;
  invited: boolean;
  /** Double opt-in: not in line until the emailed link is confirmed. */
  pending: boolean;
};

export type SignupAnswer = { ok: true; signup: SignupResult } | { ok: false; problem: FormProblem };

export function readSignupAnswer(slug: string, status: number, body: unknown): SignupAnswer {
  const json = body && typeof body === "object" ? (body as Record<string, unknown>) : null;
  if (status >= 200 && status < 300 && json?.ok === true && typeof json.ref_code === "string") {
    return {
      ok: true,
      signup: {
        position: typeof json.position === "number" ? json.position : null,
        refCode: json.ref_code,
        sharePath:
          typeof json.share_path === "string" && json.share_path.startsWith("/w/")
            ? json.share_path
            : `/w/${encodeURIComponent(slug)}?ref=${encodeURIComponent(json.ref_code)}`,
        statusToken: typeof json.status_token === "string" ? json.status_token : undefined,
        duplicate: json.duplicate === true,
        invited: json.status === "invited",
        pending: json.status === "pending",
      },
    };
  }
  return { ok: false, problem: problemFromResponse(status, json) };
}

/** Sends one signup; `origin` is "" on our own pages and the API's origin in the script embed. */
export async function postSignup(origin: string, slug: string, body: Record<string, unknown>): Promise<SignupAnswer> {
  let res: Response;
  try {
    res = await fetch(`${origin}/api/public/${encodeURIComponent(slug)}/signup`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, problem: NETWORK_PROBLEM };
  }
  const json: unknown = await res.json().catch(() => null);
  return readSignupAnswer(slug, res.status, json);
}
