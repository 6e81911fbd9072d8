import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import type { SignupRow } from "@/lib/signups/queries";
import type { RestrictionSettings } from "@/lib/restrictions/schemas";
import { BillingAction } from "./billing/billing-action";
import { FeatureKeysForm } from "./features/feature-keys-form";
import { InvitationSettingsForm } from "./invitations/invitation-settings-form";
import { RestrictionsForm } from "./restrictions/restrictions-form";
import { SignupsTable } from "./signups/signups-table";
import { VIEW_ONLY_TEXT, ViewOnlyNote } from "./view-only-note";

// What a viewer's dashboard renders, as HTML: write controls carry a real `disabled` (directly or through a
// disabled fieldset) or are not rendered at all, and the CSV export link is absent unless allowed. The browser
// behaviour (a viewer cannot change or export) is the lead's e2e; the API refuses on its own either way.

const html = (element: ReturnType<typeof createElement>) => renderToStaticMarkup(element);

/** The opening tag of the submit button, by its label. */
function submitTag(markup: string, label: string): string {
  const at = markup.indexOf(`>${label}</button>`);
  expect(at).toBeGreaterThan(-1);
  return markup.slice(markup.lastIndexOf("<button", at), at);
}

describe("ViewOnlyNote", () => {
  it("says the one view-only sentence, or the reason it is given, as a note", () => {
    const plain = html(createElement(ViewOnlyNote));
    expect(plain).toContain(VIEW_ONLY_TEXT);
    expect(plain).toContain('role="note"');
    expect(plain).toContain('data-testid="view-only-note"');
    expect(html(createElement(ViewOnlyNote, { more: "And more." }))).toContain(`${VIEW_ONLY_TEXT} And more.`);
    const owner = html(createElement(ViewOnlyNote, { testId: "delete-owner-only" }, "Only owners delete."));
    expect(owner).toContain("Only owners delete.");
    expect(owner).not.toContain(VIEW_ONLY_TEXT);
  });
});

describe("settings forms for a viewer", () => {
  it("feature keys: listed without remove buttons, inside a disabled fieldset, Save disabled", () => {
    const viewer = html(createElement(FeatureKeysForm, { waitlistId: "w1", initial: ["ai-search"], readOnly: true }));
    expect(viewer).toContain("ai-search");
    expect(viewer).toMatch(/<fieldset disabled=""/);
    expect(viewer).not.toContain('aria-label="Remove ai-search"');
    expect(submitTag(viewer, "Save feature keys")).toContain('disabled=""');

    const admin = html(createElement(FeatureKeysForm, { waitlistId: "w1", initial: ["ai-search"], readOnly: false }));
    expect(admin).not.toMatch(/<fieldset disabled/);
    expect(admin).toContain('aria-label="Remove ai-search"');
  });

  it("restrictions and the invitation: every control in a disabled fieldset, the submit button disabled itself", () => {
    const restrictions: RestrictionSettings = {
      sign_up_mode: "public",
      allowlist: [],
      blocklist: ["spam.example"],
      block_subaddresses: false,
      block_disposable: true,
      banned_keywords: [],
      country_mode: "off",
      country_codes: [],
      velocity_per_ip: 3,
      velocity_per_network: 10,
      velocity_window_minutes: 60,
      country_header: null,
      refused_last_7_days: {} as RestrictionSettings["refused_last_7_days"],
    };
    for (const readOnly of [true, false]) {
      const forms = [
        { markup: html(createElement(RestrictionsForm, { waitlistId: "w1", initial: restrictions, readOnly })), save: "Save restrictions" },
        {
          markup: html(
            createElement(InvitationSettingsForm, {
              waitlistId: "w1",
              initial: { invite_url: null, invite_message: "Welcome", require_invite_code: false, time_zone: "UTC" },
              zones: ["UTC"],
              readOnly,
            }),
          ),
          save: "Save invitation settings",
        },
      ];
      for (const { markup, save } of forms) {
        expect(/<form[^>]*><fieldset disabled=""/.test(markup)).toBe(readOnly);
        expect(submitTag(markup, save).includes('disabled=""')).toBe(readOnly);
      }
    }
  });
});

describe("the signups table", () => {
  const waiting: SignupRow = {
    id: "s1",
    position: 1,
    email: "ada@example.com",
    name: "Ada",
    company: null,
    twitter: null,
    ref_code: "ABC",
    referred_by: null,
    referrals: 0,
    status: "waiting",
    joined_at: "2026-01-01T00:00:00.000Z",
    invited_at: null,
    external_id: null,
    answers: null,
    source: "direct",
    attribution: null,
    metadata: null,
  };
  const table = (canEdit: boolean, canExport: boolean) =>
    html(
      createElement(SignupsTable, {
        waitlistId: "w1",
        slug: "launch",
        totalSignups: 1,
        initialFilter: { q: "", status: "all", order: "position", source: "" },
        initialPage: { signups: [waiting], next_cursor: null },
        sources: [],
        canEdit,
        canExport,
      }),
    );

  it("gives a viewer the rows only: no selection, no let in, status or remove, no export link", () => {
    const viewer = table(false, false);
    expect(viewer).toContain("ada@example.com");
    for (const control of ["Export CSV", "export.csv", "Select ada@example.com", "Let in ada@example.com", "Change the status of ada@example.com", "Remove ada@example.com"]) {
      expect(viewer).not.toContain(control);
    }
  });

  it("shows the export link to a viewer the team allows, and everything to an admin", () => {
    const allowed = table(false, true);
    expect(allowed).toContain('href="/api/waitlists/w1/export.csv"');
    expect(allowed).not.toContain("Let in ada@example.com");
    const admin = table(true, true);
    for (const control of ["Export CSV", "Select ada@example.com", "Let in ada@example.com", "Change the status of ada@example.com", "Remove ada@example.com"]) {
      expect(admin).toContain(control);
    }
  });
});

describe("BillingAction", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  it("gives owners the Stripe buttons and everyone else the reason", () => {
    process.env = { ...saved, STRIPE_SECRET_KEY: "sk_test_x", STRIPE_PRICE_ID: "price_x" };
    resetEnvCache();
    expect(html(createElement(BillingAction, { waitlistId: "w1", role: "owner", pro: false }))).toContain(">Upgrade to Pro</button>");
    expect(html(createElement(BillingAction, { waitlistId: "w1", role: "owner", pro: true }))).toContain(">Manage billing</button>");
    for (const role of ["admin", "viewer"] as const) {
      const free = html(createElement(BillingAction, { waitlistId: "w1", role, pro: false }));
      expect(free).toContain("Ask a team owner to upgrade.");
      expect(free).not.toContain("<button");
      expect(html(createElement(BillingAction, { waitlistId: "w1", role, pro: true }))).not.toContain("<button");
    }
  });

  it("says billing is not configured, to everyone, without Stripe keys", () => {
    process.env = { ...saved, STRIPE_SECRET_KEY: "", STRIPE_PRICE_ID: "" };
    resetEnvCache();
    for (const role of ["owner", "admin"] as const) {
      const markup = html(createElement(BillingAction, { waitlistId: "w1", role, pro: false }));
      expect(markup).toContain("Billing is not configured on this server.");
      expect(markup).not.toContain("<button");
    }
  });
});
