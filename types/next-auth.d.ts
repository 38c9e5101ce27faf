import "next-auth";
import "next-auth/jwt";

type AppRole = "STUDENT" | "TEACHER" | "SYSTEM";

declare module "next-auth" {
  interface Session {
    user?: { id: string; name: string; email: string | null; role: AppRole; isGuest: boolean };
    /** The database could not be asked whether this session still stands; it is kept, not ended. */
    databaseUnavailable?: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: AppRole;
    sessionVersion?: number;
    isGuest?: boolean;
    revoked?: boolean;
    databaseUnavailable?: boolean;
  }
}
