import { readEnv } from "../env";

/** The PostgreSQL URL the app talks to: set by `npm start` for the embedded server, or by the operator. */
export function databaseUrl(): string {
  const url = readEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must be a postgres:// URL (npm start sets it for the embedded database).");
  return url;
}
