import Papa from "papaparse";
import type { StudentRow } from "./dashboard-stats";

const percent = (share: number | null) => (share === null ? "" : `${Math.round(share * 100)}%`);

/**
 * The dashboard's student table as CSV. Names are typed by students, so cells that a spreadsheet would run as
 * a formula (=, +, -, @) are escaped.
 */
export function studentTableToCsv(assignments: { id: string; deckName: string }[], rows: StudentRow[]): string {
  const header = ["Student", "Reviews (7 days)", "Retention (30 days)", "Due now", "Overdue", ...assignments.map((a) => `Progress: ${a.deckName}`)];
  const body = rows.map((row) => [
    row.name,
    row.reviewsLast7Days,
    percent(row.retention),
    row.dueNow,
    row.overdue,
    ...assignments.map((assignment) => percent(row.progress.find((p) => p.assignmentId === assignment.id)?.share ?? 0)),
  ]);
  return Papa.unparse([header, ...body], { escapeFormulae: true });
}
