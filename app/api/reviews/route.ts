import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { gradeCard } from "@/lib/study/mutations";

/** POST /api/reviews: record one grade; safe to retry with the same reviewId. */
export async function POST(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  return respond(await gradeCard(getDb(), user.id, read.body, new Date()));
}
