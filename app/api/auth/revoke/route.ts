import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { unauthenticated } from "@/lib/http/json-route";
import { revokeSessions } from "@/lib/users/mutations";
import { withOutage } from "@/lib/http/outage";

/** Sign-out: bumps the session version so this token (and any copy of it) is refused from now on. */
async function post() {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  await revokeSessions(getDb(), user.id);
  return new NextResponse(null, { status: 204 });
}

export const POST = withOutage(post);
