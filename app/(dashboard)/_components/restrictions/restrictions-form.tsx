"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import {
  LIST_MAX,
  VELOCITY_PER_IP_MAX,
  VELOCITY_PER_NETWORK_MAX,
  VELOCITY_WINDOW_MAX_MINUTES,
  type CountryMode, type RestrictionSettings, type SignUpMode } from "@/lib/restrictions/schemas";
import { SelectField, SwitchField, TextAreaField } from "../settings/controls";
import { SaveFooter } from "../save-footer";

// The owner's sign-up rules (docs/restrictions.md). Lists are typed one entry per line; the server normalizes
// them (lower case, punycode) and answers with the stored form, which replaces what was typed.

const lines = (text: string) => text.split(/[\n,]+/).map((v) => v.trim()).filter(Boolean);
const join = (values: string[]) => values.join("\n");
// An empty box goes as null (a non-number as NaN, which JSON also sends as null): the server refuses it and
// names the field, rather than the form guessing a number.
const whole = (text: string) => (text.trim() === "" ? null : Number(text));

/** `readOnly` (a viewer): the rules are shown with every control disabled. */
export function RestrictionsForm({ waitlistId, initial, readOnly }: { waitlistId: string; initial: RestrictionSettings; readOnly: boolean }) {
  const [mode, setMode] = useState<SignUpMode>(initial.sign_up_mode);
  const [allowlist, setAllowlist] = useState(join(initial.allowlist));
  const [blocklist, setBlocklist] = useState(join(initial.blocklist));
  const [blockSubaddresses, setBlockSubaddresses] = useState(initial.block_subaddresses);
  const [blockDisposable, setBlockDisposable] = useState(initial.block_disposable);
  const [keywords, setKeywords] = useState(join(initial.banned_keywords));
  const [countryMode, setCountryMode] = useState<CountryMode>(initial.country_mode);
  const [countries, setCountries] = useState(initial.country_codes.join(", "));
  const [perIp, setPerIp] = useState(String(initial.velocity_per_ip));
  const [perNetwork, setPerNetwork] = useState(String(initial.velocity_per_network));
  const [windowMinutes, setWindowMinutes] = useState(String(initial.velocity_window_minutes));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (readOnly) return;
    setPending(true);
    setSaved(false);
    const result = await ownerFetch<{ restrictions: RestrictionSettings }>(`/api/waitlists/${waitlistId}/restrictions`, {
      method: "PATCH",
      body: {
        sign_up_mode: mode,
        allowlist: lines(allowlist),
        blocklist: lines(blocklist),
        block_subaddresses: blockSubaddresses,
        block_disposable: blockDisposable,
        banned_keywords: lines(keywords),
        country_mode: countryMode,
        country_codes: lines(countries.replace(/\s+/g, ",")),
        velocity_per_ip: whole(perIp),
        velocity_per_network: whole(perNetwork),
        velocity_window_minutes: whole(windowMinutes),
      },
    });
    setPending(false);
    if (!result.ok) return setError({ message: result.error.message, field: result.error.field });
    const stored = result.data.restrictions;
    setAllowlist(join(stored.allowlist));
    setBlocklist(join(stored.blocklist));
    setKeywords(join(stored.banned_keywords));
    setCountries(stored.country_codes.join(", "));
    setPerIp(String(stored.velocity_per_ip));
    setPerNetwork(String(stored.velocity_per_network));
    setWindowMinutes(String(stored.velocity_window_minutes));
    setError(null);
    setSaved(true);
  }

  // "blocklist.3" is the fourth blocklist line: shown under the blocklist.
  const fieldOf = (field?: string) => field?.split(".")[0];
  const fieldError = (name: string) => (fieldOf(error?.field) === name ? error?.message : undefined);
  const listHint = `One per line: example.com, *.example.com (its subdomains) or alice@example.com. At most ${LIST_MAX}.`;
  return (
    <form onSubmit={submit} noValidate aria-label="Sign-up restrictions">
      <fieldset disabled={readOnly} className="min-w-0 space-y-5">
        <SelectField
          label="Who can sign up"
          value={mode}
          error={fieldError("sign_up_mode")}
          hint="Closed is the same switch as opening and closing the list in Settings."
          onChange={(e) => setMode(e.target.value as SignUpMode)}
        >
          <option value="public">Anyone (public)</option>
          <option value="restricted">Only addresses on the allowlist (restricted)</option>
          <option value="closed">Nobody for now (closed)</option>
        </SelectField>
        <TextAreaField
          label="Allowlist"
          value={allowlist}
          error={fieldError("allowlist")}
          hint={`Used when only the allowlist may sign up. ${listHint}`}
          onChange={(e) => setAllowlist(e.target.value)}
        />
        <TextAreaField
          label="Blocklist"
          value={blocklist}
          error={fieldError("blocklist")}
          hint={listHint}
          onChange={(e) => setBlocklist(e.target.value)}
        />
        <SwitchField
          label="Refuse disposable email addresses"
          hint="Throwaway inboxes such as mailinator.com, from a maintained list."
          checked={blockDisposable}
          onChange={setBlockDisposable}
        />
        <SwitchField
          label="Refuse +tag addresses"
          hint="alice+2@example.com is the same inbox as alice@example.com: a common way to farm referrals."
          checked={blockSubaddresses}
          onChange={setBlockSubaddresses}
        />
        <TextAreaField
          label="Banned keywords"
          value={keywords}
          error={fieldError("banned_keywords")}
          hint="One per line. Refused when the email, name, company or X handle contains one (any case)."
          onChange={(e) => setKeywords(e.target.value)}
        />
        <SelectField
          label="Countries"
          value={countryMode}
          error={fieldError("country_mode")}
          onChange={(e) => setCountryMode(e.target.value as CountryMode)}
        >
          <option value="off">No country rule</option>
          <option value="block">Refuse signups from these countries</option>
          <option value="allow_only">Only accept signups from these countries</option>
        </SelectField>
        {initial.country_header === null ? (
          <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            Country rules are not applied: this server trusts no country header. Set COUNTRY_HEADER (for example
            CF-IPCountry behind Cloudflare) to the header your edge sets.
          </p>
        ) : null}
        <TextAreaField
          label="Country codes"
          value={countries}
          error={fieldError("country_codes")}
          hint="Two-letter ISO codes, separated by commas: DE, FR, US."
          className="min-h-12"
          onChange={(e) => setCountries(e.target.value)}
        />
        <fieldset className="space-y-3 rounded-lg border border-line p-4" aria-describedby="velocity-help">
          <legend className="px-1 text-sm font-semibold text-ink">Referral velocity</legend>
          <p id="velocity-help" className="text-sm text-muted">
            Hold a referrer&apos;s credit for review when more than {perIp.trim() || "N"} friends join through their link from
            one IP address (or more than {perNetwork.trim() || "N"} from one network) within {windowMinutes.trim() || "M"}{" "}
            minutes. Held credits wait in Review; 0 turns a rule off.
          </p>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              label="Friends per IP address"
              type="number"
              inputMode="numeric"
              min={0}
              max={VELOCITY_PER_IP_MAX}
              value={perIp}
              error={fieldError("velocity_per_ip")}
              hint={`0 to ${VELOCITY_PER_IP_MAX}; 0 = off`}
              onChange={(e) => setPerIp(e.target.value)}
            />
            <Field
              label="Friends per network"
              type="number"
              inputMode="numeric"
              min={0}
              max={VELOCITY_PER_NETWORK_MAX}
              value={perNetwork}
              error={fieldError("velocity_per_network")}
              hint={`A /24 (IPv6 /48). 0 to ${VELOCITY_PER_NETWORK_MAX}; 0 = off`}
              onChange={(e) => setPerNetwork(e.target.value)}
            />
            <Field
              label="Window (minutes)"
              type="number"
              inputMode="numeric"
              min={1}
              max={VELOCITY_WINDOW_MAX_MINUTES}
              value={windowMinutes}
              error={fieldError("velocity_window_minutes")}
              hint={`1 to ${VELOCITY_WINDOW_MAX_MINUTES} (7 days)`}
              onChange={(e) => setWindowMinutes(e.target.value)}
            />
          </div>
      </fieldset>
      <SaveFooter error={error && !error.field ? error.message : null} pending={pending} saved={saved} label="Save restrictions" disabled={readOnly} />
      </fieldset>
    </form>
  );
}
