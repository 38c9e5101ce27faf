import JSZip from "jszip";
import { loadSqlite } from "@/lib/imports/sqlite";

/**
 * The probe's hostile Anki package: its `col` is a view over a recursive CTE that never ends, so any SELECT from
 * col runs for as long as SQLite is let run. A few hundred bytes zipped.
 */
export async function hostileApkg(): Promise<Uint8Array> {
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  db.run(`CREATE VIEW col AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT '{}' AS models FROM r WHERE n < 0`);
  db.run("CREATE TABLE notes (id INTEGER, guid TEXT, mid INTEGER, tags TEXT, flds TEXT)");
  const collection = db.export();
  db.close();
  const zip = new JSZip();
  zip.file("collection.anki2", collection);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
