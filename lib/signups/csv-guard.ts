// The CSV formula guard (OWASP "CSV injection"), one rule for both directions: the export applies it inside
// PostgreSQL (lib/signups/export.ts, so COPY stays a pure database stream) and the import undoes it in
// lib/signups/import-parse.ts, so export -> import gives back exactly what was stored.
//
// The rule: a cell gets one ' in front of the whole cell when a formula starter (= + - @ tab CR) opens the cell
// or follows anything a spreadsheet may split cells on (; , tab CR LF), in both cases possibly after spaces or
// double quotes (an import that trims or unquotes would otherwise expose it). Leading apostrophes are looked
// through, so a value that itself starts with ' and a starter (`'=x`) is guarded too and survives the round trip.
//
// The pattern uses only syntax that JavaScript's RegExp and PostgreSQL's ARE regexes read the same way
// (anchors, bracket classes with \t \r \n \- escapes, * and |); a test checks that both engines agree.

const STARTER = String.raw`[=+\-@\t\r]`;
const SEPARATOR = String.raw`[;,\t\r\n]`;

export const FORMULA_GUARD_PATTERN = `^'*[ "]*${STARTER}|${SEPARATOR}[ "]*${STARTER}`;

const FORMULA_GUARD = new RegExp(FORMULA_GUARD_PATTERN);

export function needsFormulaGuard(cell: string): boolean {
  return FORMULA_GUARD.test(cell);
}

/** What the export writes for a text cell (the SQL in export.ts is the same rule). */
export function guardCell(cell: string): string {
  return needsFormulaGuard(cell) ? `'${cell}` : cell;
}

/**
 * Undoes guardCell. A cell starting with ' is unguarded only when what follows needs the guard, i.e. when the
 * export would have added that '; a value that merely starts with ' (and needs no guard) is left alone.
 */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && needsFormulaGuard(cell.slice(1)) ? cell.slice(1) : cell;
}

/** The SQL expression of guardCell for a column; `literal` quotes the pattern (pg's escapeLiteral). */
export function guardCellSql(column: string, literal: (value: string) => string): string {
  return `CASE WHEN ${column} ~ ${literal(FORMULA_GUARD_PATTERN)} THEN '''' || ${column} ELSE ${column} END`;
}
