import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/waitlists/[id]/export.csv/route";
import { GET as listSignups } from "@/app/api/waitlists/[id]/signups/route";
import { PUT as putFields } from "@/app/api/waitlists/[id]/fields/route";
import { closeDb } from "@/lib/db";
import { CSV_COLUMNS } from "@/lib/signups/schemas";
import { SAMPLE_FIELDS } from "@/tests/support/custom-fields";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";
import { enforceTurnstileAgainstFake, passToken, postSignup } from "@/tests/support/public-api";

// Answers as the owner sees them: in the owner API's list and in the CSV export, one column per question
// (archived ones included) in question order, through the formula guard.

afterAll(closeDb);

describe("answers for the owner", () => {
  it("lists answers in the owner API and exports one guarded column per question, archived included", async () => {
    const fake = await enforceTurnstileAgainstFake();
    try {
      const owner = await signedInOwner();
      const list = await createWaitlist({ ownerId: owner.id });
      const put = (fields: unknown) => callOwner(putFields, { id: list.id }, { method: "PUT", cookie: owner.cookie, body: { fields } });
      expect((await put([...SAMPLE_FIELDS, { id: "note", type: "short_text", label: "=Note" }])).status).toBe(200);
      const email = uniqueEmail();
      const answers = { role: "a team", company_size: "=1+2", plans: ["Free", "Pro"], seats: 7, terms: true, note: "hello" };
      expect((await postSignup(list.slug, { email, turnstile: passToken(), answers })).status).toBe(200);
      // The note question is removed afterwards: archived, its answer still listed and exported.
      expect((await put(SAMPLE_FIELDS)).status).toBe(200);

      const listed = await callOwner(listSignups, { id: list.id }, { cookie: owner.cookie });
      const row = (listed.json.signups as { email: string; answers: unknown }[]).find((s) => s.email === email);
      expect(row?.answers).toEqual(answers);

      const res = await exportCsv(
        new Request(`http://localhost:3000/api/waitlists/${list.id}/export.csv`, { headers: { cookie: owner.cookie } }),
        { params: Promise.resolve({ id: list.id }) },
      );
      expect(res.status).toBe(200);
      const csv = await res.text();
      const [header] = parse(csv, { bom: true, to_line: 1 }) as string[][];
      expect(header).toEqual([...CSV_COLUMNS, "I'm signing up as", "Company size", "Your website", "Seats", "Plans you'd consider", "I accept the terms", "'=Note"]);
      const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
      expect(rows[0]).toMatchObject({
        email, "I'm signing up as": "a team", "Company size": "'=1+2", "Your website": "", Seats: "7",
        "Plans you'd consider": "Free; Pro", "I accept the terms": "true", "'=Note": "hello",
      });
    } finally {
      await fake.close();
    }
  });
});
