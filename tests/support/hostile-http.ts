import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { z } from "zod";
import { ERROR_STATUS } from "@/lib/api/errors";
import { openApiDocument } from "@/lib/api/openapi";
import { ERROR_CODES } from "@/lib/errors";
import { params, uniqueEmail } from "@/tests/support/fixtures";
import { FRESH_EMAIL, PASS_TOKEN } from "@/tests/support/hostile-arbitraries";
import { passToken } from "@/tests/support/public-api";

// Requests with hostile parts for the property tests in tests/hostile, the checks every answer must pass, and
// the runner that counts the generated cases.

export const APP = "http://localhost:3000";

/** HOSTILE_SCALE=5 runs every property five times as long (a deeper hunt than the default run). */
export const scaled = (runs: number) => Math.round(runs * Number(process.env.HOSTILE_SCALE ?? "1"));

/** Fresh values in place of the markers, in text bodies (byte bodies keep them and stay invalid). */
export const fill = (body: string | Uint8Array | undefined) =>
  typeof body === "string" ? body.replaceAll(FRESH_EMAIL, () => uniqueEmail("fc")).replaceAll(PASS_TOKEN, () => passToken()) : body;

export type HostileHeaders = {
  contentType?: string | null;
  contentLength?: string | null;
  cookie?: string | null;
  origin?: string | null;
  secFetchSite?: string | null;
  ip?: string | null;
};

export function hostileRequest(url: string, method: string, body: string | Uint8Array | undefined, h: HostileHeaders): Request {
  const headers = new Headers();
  const set = (name: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined) headers.set(name, value);
  };
  set("content-type", h.contentType);
  set("content-length", h.contentLength);
  set("cookie", h.cookie);
  set("origin", h.origin);
  set("sec-fetch-site", h.secFetchSite);
  set("x-forwarded-for", h.ip);
  const hasBody = body !== undefined && method !== "GET" && method !== "HEAD";
  return new Request(url, { method, headers, body: hasBody ? (body as BodyInit) : undefined });
}

export type Answer = { status: number; type: string; text: string; json: unknown };

type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

/** Calls a route handler the way Next does and reads the whole answer. */
export async function callRoute(handler: unknown, url: string, method: string, p: Record<string, string>, body: string | Uint8Array | undefined, h: HostileHeaders): Promise<Answer> {
  return read(await (handler as Handler)(hostileRequest(url, method, body, h), params(p) as never));
}

/** Reads the whole answer; a stream that fails half-way (a broken download) throws here. */
export async function read(res: Response): Promise<Answer> {
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  let json: unknown;
  if (type.startsWith("application/json")) json = JSON.parse(text);
  return { status: res.status, type, text, json };
}

const errorBody = z
  .object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string().min(10), field: z.string().min(1).optional() }).strict(),
  })
  .strict();

/** Throws unless the answer is the one documented error shape, with the status its code maps to. */
export function assertDocumentedError(a: Answer, allowed?: readonly number[]): void {
  if (a.status >= 500) throw new Error(`server error ${a.status}: ${a.text.slice(0, 300)}`);
  if (!a.type.startsWith("application/json")) throw new Error(`error answer is ${a.type || "untyped"}: ${a.text.slice(0, 200)}`);
  const body = errorBody.parse(a.json);
  if (ERROR_STATUS[body.error.code] !== a.status) throw new Error(`code ${body.error.code} answered with ${a.status}`);
  if (allowed && !allowed.includes(a.status)) throw new Error(`status ${a.status} (${body.error.code}) not expected here`);
}

/** An owner route's answer: what `ok` accepts as its success, or a documented 4xx (then false: nothing changed). */
export function assertOwnerAnswer(a: Answer, ok: (a: Answer) => boolean): boolean {
  if (a.status < 300 && ok(a)) return true;
  assertDocumentedError(a, [400, 402, 403, 404, 409]);
  return false;
}

export function errorCode(a: Answer): string | undefined {
  return (a.json as { error?: { code?: string } } | undefined)?.error?.code;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };

/** Throws unless a public API answer is one the OpenAPI document describes (status and body). */
export function assertDocumentedPublic(path: string, method: "get" | "post", a: Answer): void {
  if (a.status >= 500) throw new Error(`server error ${a.status}: ${a.text.slice(0, 300)}`);
  const key = `${method} ${path} ${a.status}`;
  let validate = validators.get(key);
  if (!validate) {
    const response = (openApiDocument as unknown as Doc).paths[path]?.[method]?.responses[String(a.status)];
    const schema = response?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`${key} is not documented: ${a.text.slice(0, 200)}`);
    validate = ajv.compile({ ...schema, components: openApiDocument.components });
    validators.set(key, validate);
  }
  if (!validate(a.json)) throw new Error(`${key} does not match the document: ${JSON.stringify(validate.errors)} ${a.text.slice(0, 200)}`);
  if (a.status >= 400) assertDocumentedError(a);
}

/** Generated cases per property, with how they were answered, printed at the end of the run. */
export class CaseCounter {
  readonly counts = new Map<string, Map<string, number>>();
  hit(property: string, answer: string): void {
    const byAnswer = this.counts.get(property) ?? new Map<string, number>();
    byAnswer.set(answer, (byAnswer.get(answer) ?? 0) + 1);
    this.counts.set(property, byAnswer);
  }
  runs(property: string): number {
    return [...(this.counts.get(property)?.values() ?? [])].reduce((a, b) => a + b, 0);
  }
  /** Runs a property; `check` returns the answer, which the report tallies by status and error code. */
  async run<T>(name: string, runs: number, input: fc.Arbitrary<T>, check: (v: T) => Promise<Answer>): Promise<void> {
    await fc.assert(
      fc.asyncProperty(input, async (v) => {
        const a = await check(v);
        this.hit(name, `${a.status}${errorCode(a) ? ` ${errorCode(a)}` : ""}`);
      }),
      { numRuns: runs },
    );
  }
  get total(): number {
    return [...this.counts.keys()].reduce((sum, p) => sum + this.runs(p), 0);
  }
  report(): string {
    const lines = [...this.counts].map(([p, byAnswer]) => {
      const answers = [...byAnswer].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ");
      return `  ${String(this.runs(p)).padStart(6)}  ${p}: ${answers}`;
    });
    return `hostile input: ${this.total} generated cases\n${lines.join("\n")}`;
  }
}
