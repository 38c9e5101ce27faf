import { createDb, type Db } from "../../lib/db/client";
import { ensureDatabase, attachEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { APP_DATABASE, EMBEDDED_DATA_DIR } from "./paths";

/**
 * Runs `work` against the app's database, migrated: DATABASE_URL when set, else the embedded server
 * (the running one of `npm start`, or one started just for this command).
 */
export async function withAppDatabase<T>(work: (db: Db, url: string) => Promise<T>): Promise<T> {
  let url = process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!url) {
    const server = await attachEmbeddedPostgres(EMBEDDED_DATA_DIR);
    stopServer = server.stop;
    await ensureDatabase(server.urlFor("postgres"), APP_DATABASE);
    url = server.urlFor(APP_DATABASE);
  }
  const db = createDb(url, 2);
  try {
    await applyMigrations(url);
    return await work(db, url);
  } finally {
    await db.$disconnect();
    await stopServer();
  }
}
