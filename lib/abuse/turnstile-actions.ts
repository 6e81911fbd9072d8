// The Turnstile `action` each of our signup surfaces sends, so siteverify tells us which one a token came
// from (Cloudflare allows up to 32 characters of [A-Za-z0-9_-]). Client-safe: the hosted form and the script
// embed import it. `hosted`: /w/<slug>; `embed`: the iframe and the script embed. API clients may send none.
export const TURNSTILE_ACTIONS = { hosted: "hosted", embed: "embed" } as const;

export type TurnstileAction = (typeof TURNSTILE_ACTIONS)[keyof typeof TURNSTILE_ACTIONS];
