import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { GET as myData } from "@/app/api/public/data/[token]/route";
import { GET as exportCsv } from "@/app/api/waitlists/[id]/export.csv/route";
import { GET as listSignups } from "@/app/api/waitlists/[id]/signups/route";
import { PUT as putFields } from "@/app/api/waitlists/[id]/fields/route";
import { closeDb } from "@/lib/db";
import { CSV_COLUMNS } from "@/lib/signups/schemas";
import { SAMPLE_FIELDS } from "@/tests/support/custom-fields";
import { createWaitlist, params, routeRequest, uniqueEmail } from "@/tests/support/fixtures";
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
      const joined = await postSignup(list.slug, { email, turnstile: passToken(), answers });
      expect(joined.status).toBe(200);
      const token = String(joined.json.status_token);
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

      // "Download my data" gives the person their answers with the questions, the archived one included.
      const data = await myData(routeRequest(`/api/public/data/${token}`, undefined), params({ token }));
      expect(data.status).toBe(200);
      expect(((await data.json()) as { answers: unknown }).answers).toEqual([
        { question: "I'm signing up as", answer: "a team" },
        { question: "Company size", answer: "=1+2" },
        { question: "Seats", answer: 7 },
        { question: "Plans you'd consider", answer: ["Free", "Pro"] },
        { question: "I accept the terms", answer: true },
        { question: "=Note", answer: "hello" },
      ]);
    } finally {
      await fake.close();
    }
  });
});
