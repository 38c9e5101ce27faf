import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { getDb } from "@/lib/db/client";
import { findCredentials } from "@/lib/users/data";
import { sameSitePath } from "@/lib/http/safe-path";
import { createGuest, revokeSessions } from "@/lib/users/mutations";
import { signInSchema } from "@/lib/users/schema";
import { dummyPasswordHash, verifyPassword } from "./password";
import { readEnv } from "@/lib/env";
import { findOrCreateOAuthUser } from "./oauth-users";
import { SESSION_MAX_AGE_SECONDS, sessionCallbacks, usesSecureCookies } from "./session-callbacks";

async function authorizeWithPassword(credentials: Record<string, string> | undefined) {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = getDb();
  const user = await findCredentials(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user?.passwordHash || !valid) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

async function authorizeGuest() {
  const guest = await createGuest(getDb());
  return { id: guest.id, name: guest.name, email: null, role: "STUDENT" as const, sessionVersion: 0 };
}

function oauthProviders() {
  const providers = [];
  const env = readEnv();
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) providers.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
  return providers;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: usesSecureCookies(),
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials) => authorizeWithPassword(credentials),
    }),
    CredentialsProvider({ id: "guest", name: "Guest", credentials: {}, authorize: authorizeGuest }),
    ...oauthProviders(),
  ],
  events: {
    // next-auth's own POST /api/auth/signout only clears the cookie; a copy of the token would still work.
    async signOut({ token }) {
      if (token?.sub) await revokeSessions(getDb(), token.sub);
    },
  },
  callbacks: {
    // Only paths on this site: a callbackUrl such as "javascript:…" or another host lands on the home page.
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${sameSitePath(path, "/")}`;
    },
    async signIn({ user, account }) {
      if (!account || account.type !== "oauth") return true;
      if (!user.email) return false;
      const local = await findOrCreateOAuthUser(getDb(), user.email, user.name ?? user.email);
      Object.assign(user, local);
      return true;
    },
    ...sessionCallbacks,
  },
};
