// What a refused person reads, per restriction code: the API's message and the hosted form / embed table
// (components/hosted/signup-errors.ts) share it. Plain constants: safe in the embed bundle.

export const RESTRICTION_MESSAGES = {
  email_not_allowed:
    "This waitlist is invite-only. Sign up with the email address you were invited with, such as your work email.",
  email_blocked: "This email address can't join this waitlist. Use a different address, such as your work email.",
  disposable_email: "Temporary email addresses aren't accepted. Use your personal or work email instead.",
  subaddress_not_allowed:
    "Sign up without the +tag in your email address (alice@example.com rather than alice+news@example.com).",
  banned_keyword: "This field contains a word this waitlist doesn't accept. Change it, then try again.",
  country_not_allowed: "This waitlist isn't taking signups from your country.",
} as const;
