import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { saveQuizAttempt } from "@/lib/study/quiz/mutations";
import { withOutage } from "@/lib/http/outage";

/** POST /api/quiz/attempts: save a finished quiz, recording its answers in the schedule only if asked. */
async function post(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  return respond(await saveQuizAttempt(getDb(), user.id, read.body, new Date()));
}

export const POST = withOutage(post);
