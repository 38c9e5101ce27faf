import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { readJsonBody, respond, unauthenticated } from "@/lib/http/json-route";
import { saveQuizAttempt } from "@/lib/study/quiz/mutations";
import { quizAttemptInputSchema } from "@/lib/study/schema";
import { withOutage } from "@/lib/http/outage";

/** POST /api/quiz/attempts: save a finished quiz, recording its answers in the schedule only if asked. */
async function post(request: Request) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const attempt = quizAttemptInputSchema.safeParse(read.body);
  if (!attempt.success) return respond(invalidInput(attempt.error, "Check the quiz answers."));
  return respond(await saveQuizAttempt(getDb(), user.id, attempt.data, new Date()));
}

export const POST = withOutage(post);
