import fc from "fast-check";

// fast-check generators of hostile input for the property tests in tests/hostile: bodies, headers, cookies,
// origins and query strings. Values that must be fresh per request (a unique email, a Turnstile token the fake
// accepts once) are generated as markers here and filled in by the test, so generated cases stay replayable.

/** Marker values the test replaces at request time. */
export const FRESH_EMAIL = "\u{1F4E7}fresh-email";
export const PASS_TOKEN = "\u{1F511}pass-token";

const nasty = [
  "", " ", "\0", "a\0b", "\uD800", "\uDFFF", "\uFEFF", "\u202E", "\u0000\u0000", "%zz", "%00", "%E0%A4%A", "\\", "\\u0000",
  "__proto__", "constructor", "prototype", "toString", "null", "undefined", "NaN", "[object Object]", "true",
  "' OR 1=1 --", "\"; DROP TABLE signups; --", "$1", "<script>alert(1)</script>", "javascript:alert(1)",
  "=1+1", ";=1+1;", "@SUM(A1)", "-2+3", "\t\r\n", "ＡＢＣ", "😀👩‍👩‍👧", "𝕏", "e\u0301", "Zoë", "李小龍", "محمد",
  "#4f46e5", "#FFF", "https://example.com/a.png", "http://", "data:image/png;base64,AAAA",
  "a@b.co", "UPPER@EXAMPLE.COM", " spaced@example.com ", "no-at-sign", "a@b", "@example.com", "x".repeat(255) + "@e.co",
  "2026-11-23", "0000-01-01", "9999-12-31T23:59:59Z", "+010000-01-01", "-1", "2147483648", "1e309", "0x10",
  "waiting", "invited", "all", "position", "joined", "PRO", "FREE",
];

/** Strings of every kind: nasty constants, unicode (lone surrogates and NUL included), huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nasty) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\0", "\uD800", "\uDC00", "\u0085", "\u2028", "'", '"', "%", ";", "="), maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("a", "é", "😀", "\0", "%"), fc.constantFrom(119, 120, 121, 254, 255, 500, 2049, 5000, 9000, 70_000))
      .map(([c, n]) => c.repeat(n)),
  },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, with hostile strings and numbers, nested a few levels deep. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "prototype")), tie("value"), { maxKeys: 4 }),
  ),
})).value;

const protoKeys = ["__proto__", "constructor", "prototype", "__defineGetter__", "hasOwnProperty"];

/**
 * JSON object text built from entries, so keys like __proto__ and repeated keys reach the server as written
 * (JSON.stringify of an object could not carry them).
 */
export function objectText(entries: [string, unknown][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v === undefined ? null : v)}`).join(",")}}`;
}

/**
 * An object body that mixes the route's own fields (mostly good values, sometimes anything) with prototype keys
 * and noise. Fields named in `rare` (a honeypot, say) are seldom present, so most cases get past them.
 */
export function objectEntries(fields: Record<string, fc.Arbitrary<unknown>>, rare: string[] = []): fc.Arbitrary<[string, unknown][]> {
  const own = Object.entries(fields).map(([key, good]) => {
    const entry = fc.tuple(fc.constant(key), fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: hostileJson }));
    const absent = fc.constant(null);
    return rare.includes(key)
      ? fc.oneof({ weight: 12, arbitrary: absent }, { weight: 1, arbitrary: entry })
      : fc.oneof({ weight: 1, arbitrary: absent }, { weight: 6, arbitrary: entry });
  });
  const noise = fc.tuple(fc.oneof(fc.constantFrom(...protoKeys), hostileString), fc.oneof(hostileJson, fc.constant({ polluted: true, isOpen: false, plan: "PRO" })));
  const extra = fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(noise, { minLength: 1, maxLength: 3 }) });
  return fc.tuple(fc.tuple(...own), extra, fc.boolean()).map(([o, e, extraFirst]) => {
    const mine = o.filter((x): x is [string, unknown] => x !== null);
    return extraFirst ? [...e, ...mine] : [...mine, ...e];
  });
}

/** A request body: a plausible object for the route, or any JSON, broken JSON, invalid UTF-8, NUL bytes, huge. */
export function hostileBody(fields: Record<string, fc.Arbitrary<unknown>>, maxBytes: number, rare: string[] = []): fc.Arbitrary<string | Uint8Array | undefined> {
  const enc = (s: string) => new TextEncoder().encode(s);
  return fc.oneof(
    { weight: 12, arbitrary: objectEntries(fields, rare).map(objectText) },
    { weight: 2, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? "null") },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "{}", "[]", "null", "1", '"x"', "{'a':1}", '{"a":1,}', "\uFEFF{}", "{}{}", '{"a":1}\0', "NaN") },
    {
      weight: 1,
      arbitrary: fc
        .tuple(objectEntries(fields, rare).map(objectText), fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0]))
        .map(([text, noise, bad]) => {
          const b = enc(text);
          const at = Math.floor(b.length / 2);
          return new Uint8Array([...b.slice(0, at), ...bad, ...noise, ...b.slice(at)]);
        }),
    },
    { weight: 1, arbitrary: fc.constantFrom(maxBytes - 20, maxBytes + 1, maxBytes * 3).map((n) => `{"email":"${"a".repeat(Math.max(0, n))}@example.com"}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const headerChar = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
  { weight: 1, arbitrary: fc.constant(0x09) },
).map((c) => String.fromCharCode(c));

/** A header value HTTP can carry (no CR, LF or NUL; latin-1 allowed). */
export const headerValue = fc.string({ unit: headerChar, maxLength: 60 });

/** Mostly JSON (as real clients send it), sometimes anything at all, sometimes missing. */
export const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/vnd.api+json", "application/json;charset=\"UTF-8\"") },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom(
        "application/json; charset=latin1", "application/json ; foo=bar", "application/problem+json", "application/jsonx",
        "application/json5", "text/json", "text/plain", "text/csv", "text/csv; charset=utf-16", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/octet-stream", "", " ", "json", "application/json, text/plain",
        "\tapplication/json", "application/json;;;", "*/*",
      ),
      headerValue,
    ),
  },
);

/** A Content-Length that, when present, may lie about the body. */
export const contentLength = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom("0", "-1", "1", "abc", "1e3", "99999999999", "NaN", " 5 ", "0x10", "18446744073709551616"), fc.nat({ max: 100_000 }).map(String)) },
);

/** Mostly our own origin or none (non-browser clients), sometimes a foreign or malformed one. */
export const origin = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(null, "http://localhost:3000") },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom(
        "HTTP://LOCALHOST:3000", "http://localhost:3000/", "null", "https://evil.example", "http://localhost:3000.evil.example",
        "http://localhost", "file://", "", "http://[::1]:3000",
      ),
      headerValue,
    ),
  },
);

export const secFetchSite = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(null, "same-origin") },
  { weight: 1, arbitrary: fc.constantFrom("same-site", "cross-site", "none", "SAME-ORIGIN", "") },
);

/** Cookie headers that are not a valid session: malformed escapes, odd separators, lookalike names. */
export const badCookie = fc.oneof(
  fc.constantFrom(
    "waitforge_session=%zz", "waitforge_session=%", "waitforge_session=%E0%A4%A", "waitforge_session=", "waitforge_session",
    "waitforge_session==", "waitforge_session=a;waitforge_session=%zz", " ; ; ", "=", ";", "WAITFORGE_SESSION=abcdefghijklmnopqrstuvwxyz",
    "waitforge_session=\"quoted-token-value-1234567890\"", "waitforge_session=../../etc/passwd%00aaaaaaaa",
    `waitforge_session=${"a".repeat(5000)}`, "waitforge_session=%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80",
  ),
  fc.tuple(fc.constantFrom("waitforge_session", "x", ""), headerValue).map(([n, v]) => `${n}=${v}`),
  headerValue,
);

/** A query string from the route's keys (good and bad values) plus noise keys, written raw or percent-encoded. */
export function queryString(keys: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const pair = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...Object.keys(keys)).chain((k) => fc.tuple(fc.constant(k), fc.oneof(keys[k]!, hostileString))) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...protoKeys), hostileString), hostileString) },
  );
  const encode = (s: string, raw: boolean) => (raw ? s.replace(/[#&]/g, encodeURIComponent) : encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD")));
  return fc.tuple(fc.array(pair, { maxLength: 5 }), fc.boolean()).map(([pairs, raw]) =>
    pairs.length === 0 ? "" : `?${pairs.map(([k, v]) => `${encode(k, raw)}=${encode(v, raw)}`).join("&")}`,
  );
}

/** Integers around the edges of int4 and of safe integers, and a few that are not integers at all. */
export const edgeInteger = fc.oneof(fc.integer({ min: -3, max: 10 }), fc.constantFrom(2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, 1.5, -0));

/** A keyset cursor: well-formed (base64url JSON of numbers) with any numbers, or anything at all. */
export const cursor = fc.oneof(
  fc.array(fc.oneof(edgeInteger, hostileString), { maxLength: 4 }).map((c) => Buffer.from(JSON.stringify(c)).toString("base64url")),
  hostileString,
);

/** Date filters: ISO times over JavaScript's whole range, plain dates, and the edges PostgreSQL refuses. */
export const dateParam = fc.oneof(
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("0000-01-01", "0001-01-01T00:00+01:00", "9999-12-31T23:59-01:00", "2026-02-30", "2026-11-23T25:00", "2026-11-23T10:00:00.000+14:00", ""),
  hostileString,
);

const csvCell = fc.oneof(hostileString, fc.constantFrom("2024-01-02", "0000-01-01", "+010000-01-01", "10000", "'=1+1", ";=x"));

/** A CSV upload: header variants and rows of hostile cells (FRESH_EMAIL marks a unique email). */
export const csvFile = fc
  .tuple(
    fc.constantFrom("email,name,joined_at", "Email Address;Name", "name,company", "\uFEFFemail,twitter,company", ""),
    fc.array(fc.tuple(fc.oneof(fc.constant(FRESH_EMAIL), hostileString), csvCell, csvCell), { maxLength: 6 }),
  )
  .map(([header, rows]) => [header, ...rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(","))].join("\n"));
