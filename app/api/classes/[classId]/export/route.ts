import { getSessionUser } from "@/lib/auth/session";
import { loadClassDashboard } from "@/lib/classes/dashboard";
import { studentTableToCsv } from "@/lib/classes/dashboard-csv";
import { classIdSchema } from "@/lib/classes/schema";
import { getDb } from "@/lib/db/client";
import { HTTP_STATUS } from "@/lib/errors";
import { attachmentHeaders } from "@/lib/imports/attachment";

/** GET: the class dashboard's student table as CSV, for the class's teachers only. */
export async function GET(_request: Request, context: { params: Promise<{ classId: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: HTTP_STATUS.unauthenticated });
  const classId = classIdSchema.safeParse((await context.params).classId);
  if (!classId.success) return Response.json({ error: "No such class." }, { status: HTTP_STATUS.not_found });
  const dashboard = await loadClassDashboard(getDb(), user.id, classId.data, new Date());
  if (!dashboard) return Response.json({ error: "No such class." }, { status: HTTP_STATUS.not_found });
  const csv = studentTableToCsv(dashboard.assignments, dashboard.students);
  return new Response(csv, { headers: attachmentHeaders(`${dashboard.className} progress.csv`, "text/csv; charset=utf-8") });
}
