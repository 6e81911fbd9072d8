import { utcTime } from "@/lib/audit/format";

// An audit entry's details in a few words for the dashboard (client-safe). Details are what the owner gate and
// the route handlers recorded (lib/audit/record.ts, ctx.audit in app/api/**): changed field names, counts, ids,
// names the team gave things. Known shapes get sentences; anything else is shown as "key: value", so a detail
// added later is never hidden (ids excepted: the entry names its target, and the API answers them all).

type Details = Record<string, unknown>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const isRecord = (v: unknown): v is Details => typeof v === "object" && v !== null && !Array.isArray(v);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** Readable lines for one entry's details (empty when there is nothing to say); `action` words the field names. */
export function summarizeDetails(details: unknown, action = ""): string[] {
  if (!isRecord(details)) return [];
  const lines: string[] = [];
  const used = new Set<string>();
  const take = (...keys: string[]) => keys.forEach((k) => used.add(k));

  const from = text(details.from);
  const to = text(details.to);
  if (to) {
    lines.push(from === to ? `Already ${to}: nothing changed` : from ? `${from} → ${to}` : `to ${to}`);
    take("from", "to");
  }
  if (details.dry_run === true) {
    lines.push("Preview only: nothing was imported");
    take("dry_run");
  }
  const rows = num(details.rows);
  if (rows !== null) {
    const valid = num(details.valid_rows);
    const invalid = num(details.invalid_rows);
    lines.push([plural(rows, "row"), valid !== null ? `${valid} valid` : null, invalid ? `${invalid} invalid` : null].filter(Boolean).join(", "));
    take("rows", "valid_rows", "invalid_rows");
  }
  const imported = num(details.imported);
  if (imported !== null) {
    const skipped = num(details.skipped) ?? 0;
    lines.push(`${plural(imported, "person", "people")} imported, ${skipped} skipped`);
    take("imported", "skipped");
  }
  if (details.failed === true) {
    lines.push("Stopped by an error: nothing was imported");
    take("failed");
  }
  const invited = num(details.invited);
  if (invited !== null) {
    const asked = num(details.asked);
    lines.push(`${plural(invited, "person", "people")} let in${asked !== null && asked !== invited ? ` (of ${asked} asked)` : ""}`);
    take("invited", "asked");
  }
  const selection = text(details.selection);
  if (selection === "top" || selection === "chosen") {
    lines.push(selection === "top" ? "From the top of the line" : "Chosen people");
    take("selection");
  }
  const decision = text(details.decision);
  if (decision) {
    const changed = num(details.changed);
    const asked = num(details.asked);
    lines.push(`${decision === "approve" ? "Approved" : "Rejected"} ${plural(changed ?? 0, "credit")}${asked !== null && asked !== changed ? ` (of ${asked} chosen)` : ""}`);
    take("decision", "changed", "asked");
  }
  const name = text(details.name);
  const scope = text(details.scope);
  if (name || scope) {
    lines.push([name ? `“${name}”` : null, scope ? (scope === "write" ? "read and write" : scope === "read" ? "read-only" : scope) : null].filter(Boolean).join(", "));
    take("name", "scope");
  }
  const kind = text(details.kind);
  const size = num(details.size);
  if (kind && size !== null) {
    lines.push(`${sentenceCase(kind)} wave of ${plural(size, "person", "people")}`);
    take("kind", "size");
  }
  if (isRecord(details.filter)) {
    const parts = Object.entries(details.filter)
      .filter(([, v]) => v !== undefined && v !== null && v !== "")
      .map(([k, v]) => `${k.replace(/_/g, " ")} ${show(v)}`);
    lines.push(parts.length > 0 ? `Filter: ${parts.join(", ")}` : "Everyone");
    take("filter");
  }
  // What a change sent (field names), then anything else; ids are left to the API (the entry names its target).
  if (Array.isArray(details.fields) && details.fields.length > 0) {
    lines.push(`${/^(PATCH|PUT) /.test(action) ? "Changed" : "Sent"}: ${show(details.fields)}`);
    take("fields");
  }
  for (const [key, value] of Object.entries(details)) {
    if (used.has(key) || key.endsWith("_id") || value === undefined || value === null) continue;
    const shown = show(value);
    if (shown !== "") lines.push(`${sentenceCase(key.replace(/_/g, " "))}: ${shown}`);
  }
  return lines;
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => show(v)).filter(Boolean).join(", ");
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${k.replace(/_/g, " ")} ${show(v)}`)
      .join(", ");
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" && ISO_INSTANT.test(value)) return utcTime(value);
  return String(value);
}

function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
