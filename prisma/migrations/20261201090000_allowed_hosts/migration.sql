-- Sites an owner allows their signup form on (the script embed, or their own form with our Turnstile key).
-- Empty: any site. Checked against the hostname Cloudflare's siteverify reports for the captcha.
ALTER TABLE "waitlists" ADD COLUMN "allowed_hosts" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
