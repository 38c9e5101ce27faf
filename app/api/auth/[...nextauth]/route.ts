import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { clientIp, consumeSignInBudget } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db/client";
import { emailSchema } from "@/lib/users/schema";

const handler = NextAuth(authOptions);
type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * Password sign-ins are counted here, before next-auth, so a spent budget answers 429 with Retry-After.
 * The body keeps next-auth's `{ url }` shape so its client reports `error=RateLimited` to the form.
 */
async function POST(request: NextRequest, context: RouteContext) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    const email = emailSchema.safeParse(form?.get("email") ?? "");
    if (email.success) {
      const limit = await consumeSignInBudget(getDb(), email.data, clientIp(request.headers), new Date());
      if (!limit.allowed) {
        const url = new URL("/signin?error=RateLimited", request.nextUrl.origin).toString();
        return NextResponse.json({ url }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
      }
    }
  }
  return handler(request, context);
}

export { handler as GET, POST };
