// The Turnstile `action` each of our signup surfaces sends, so siteverify tells us which one a token came
// from. Client-safe. API clients rendering the widget on their own site may send none.
export const TURNSTILE_ACTIONS = { hosted: "hosted", embed: "embed" } as const;

export type TurnstileAction = (typeof TURNSTILE_ACTIONS)[keyof typeof TURNSTILE_ACTIONS];
