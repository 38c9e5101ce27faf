import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { PackageError, unzstd } from "@/lib/imports/apkg/open-package";
import { readApkg } from "@/lib/imports/read-apkg";
import { loadSqlite } from "@/lib/imports/sqlite";
import { ANKI_SCHEMA_11 } from "@/lib/imports/write-apkg";

const MODELS = JSON.stringify({
  "11": {
    type: 0,
    flds: [
      { name: "Front", ord: 0 },
      { name: "Back", ord: 1 },
    ],
  },
});

/** A schema-11 package whose collection has been altered by `tamper` (SQL an attacker would put in the file). */
async function tamperedPackage(tamper: string, schema = ANKI_SCHEMA_11): Promise<Uint8Array> {
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  db.run(schema);
  if (schema.includes("CREATE TABLE col ")) db.run("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, '{}', '{}', '{}')", [MODELS]);
  db.run(tamper);
  const zip = new JSZip();
  zip.file("collection.anki2", db.export());
  db.close();
  return zip.generateAsync({ type: "uint8array" });
}

describe("a hostile Anki package", () => {
  it("is refused when the collection's col is a view (a recursive one would run for as long as its author wants)", async () => {
    const schema = ANKI_SCHEMA_11.replace(/CREATE TABLE col [^;]*;/, "");
    const bytes = await tamperedPackage(
      "CREATE VIEW col AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT i AS crt, '' AS models, '' AS decks FROM n",
      schema,
    );
    const parsed = await readApkg(bytes);
    expect(parsed.cards).toEqual([]);
    expect(parsed.problems).toEqual([{ row: "File", message: expect.stringMatching(/contains a view \("col"\)/) }]);
  });

  it("is refused when it has a trigger", async () => {
    const bytes = await tamperedPackage("CREATE TRIGGER grow AFTER INSERT ON notes BEGIN INSERT INTO graves VALUES (0, 0, 0); END");
    expect((await readApkg(bytes)).problems[0]?.message).toMatch(/contains a trigger \("grow"\)/);
  });

  it("is refused when it declares a virtual table", async () => {
    const bytes = await tamperedPackage("CREATE VIRTUAL TABLE search USING fts3(body)");
    expect((await readApkg(bytes)).problems[0]).toEqual({ row: "File", message: expect.stringMatching(/virtual table|not a readable/) });
  });

  it("is refused when a table it reads computes a column", async () => {
    const computed =
      "CREATE TABLE notes (id integer primary key, guid text, mid integer, usn integer, tags text, csum integer, flds text GENERATED ALWAYS AS ('x' || guid) VIRTUAL);";
    const bytes = await tamperedPackage("SELECT 1", ANKI_SCHEMA_11.replace(/CREATE TABLE notes \([^;]*\);/, computed));
    expect((await readApkg(bytes)).problems[0]?.message).toMatch(/notes table computes columns/);
  });

  it("stops decompressing a zstd collection once it passes the size limit", async () => {
    const zip = await JSZip.loadAsync(readFileSync(path.join(import.meta.dirname, "..", "..", "anki", "nato-anki21b.apkg")));
    const compressed = await zip.file("collection.anki21b")!.async("uint8array");
    expect(unzstd(compressed, 1024 * 1024).length).toBeGreaterThan(10_000);
    expect(() => unzstd(compressed, 10_000)).toThrow(PackageError);
  });

  it("reads the newest collection, never the placeholder Anki puts beside it", async () => {
    const parsed = await readApkg(new Uint8Array(readFileSync(path.join(import.meta.dirname, "..", "..", "anki", "nato-anki21b.apkg"))));
    expect(parsed.report?.layout).toBe("anki21b");
    expect(parsed.cards.some((card) => card.prompt.includes("Please update"))).toBe(false);
  });
});
