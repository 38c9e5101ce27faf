import { getSessionUser } from "@/lib/auth/session";
import { loadClassDashboard } from "@/lib/classes/dashboard";
import { studentTableToCsv } from "@/lib/classes/dashboard-csv";
import { classIdSchema } from "@/lib/classes/schema";
import { getDb } from "@/lib/db/client";
import { refuse, unauthenticated } from "@/lib/http/json-route";
import { attachmentHeaders } from "@/lib/imports/attachment";
import { withOutage } from "@/lib/http/outage";

/** GET: the class dashboard's student table as CSV, for the class's teachers only. */
async function get(_request: Request, context: { params: Promise<{ classId: string }> }) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const classId = classIdSchema.safeParse((await context.params).classId);
  if (!classId.success) return refuse("not_found", "No such class.");
  const dashboard = await loadClassDashboard(getDb(), user.id, classId.data, new Date());
  if (!dashboard) return refuse("not_found", "No such class.");
  const csv = studentTableToCsv(dashboard.assignments, dashboard.students);
  return new Response(csv, { headers: attachmentHeaders(`${dashboard.className} progress.csv`, "text/csv; charset=utf-8") });
}

export const GET = withOutage(get);
