import type { Database, SqlJsStatic, SqlValue } from "sql.js";
import { z } from "zod";
import { decodeNotetypeKind, decodeTemplateConfig, NOTETYPE_KIND_CLOZE } from "./anki-proto";
import { PackageError } from "./open-package";

export type AnkiNoteType = { id: string; name: string; cloze: boolean; fields: string[]; templates: { ord: number; qfmt: string; afmt: string }[] };
export type AnkiNote = { id: string; guid: string; mid: string; tags: string; fields: string[] };
export type AnkiCard = {
  id: string;
  nid: string;
  did: string;
  ord: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  reps: number;
  lapses: number;
  data: string;
};
export type AnkiReview = { cid: string; at: number; ease: number; type: number };
export type AnkiCollection = {
  createdSeconds: number;
  noteTypes: Map<string, AnkiNoteType>;
  /** Deck names by id, nested decks as their full path split into parts. */
  decks: Map<string, string[]>;
  notes: AnkiNote[];
  cards: AnkiCard[];
  reviews: AnkiReview[];
};

// The only tables read, with the columns used; anything else in the file is never queried.
const EXPECTED_COLUMNS = {
  col: ["crt", "models", "decks"],
  notes: ["id", "guid", "mid", "tags", "flds"],
  cards: ["id", "nid", "did", "ord", "type", "queue", "due", "ivl", "reps", "lapses", "data"],
  revlog: ["id", "cid", "ease", "type"],
  notetypes: ["id", "name", "config"],
  fields: ["ntid", "ord", "name"],
  templates: ["ntid", "ord", "config"],
  decks: ["id", "name"],
} as const;
type KnownTable = keyof typeof EXPECTED_COLUMNS;

const legacyModelsSchema = z.record(
  z.string(),
  z.object({
    name: z.string().default(""),
    type: z.number(),
    flds: z.array(z.object({ name: z.string(), ord: z.number() })),
    tmpls: z.array(z.object({ ord: z.number(), qfmt: z.string().default(""), afmt: z.string().default("") })).default([]),
  }),
);
const legacyDecksSchema = z.record(z.string(), z.object({ name: z.string() }));

/**
 * The file's own schema, checked before any query touches it. A SQLite file can define views, triggers and
 * virtual tables that run arbitrary (and endless) SQL when read, so only real tables and indexes are allowed, and
 * every table read must be a plain table (no generated columns) with the columns Anki gives it.
 */
function checkSchema(db: Database): Set<KnownTable> {
  const objects = db.exec("SELECT type, name, sql FROM sqlite_master")[0]?.values ?? [];
  const tables = new Set<string>();
  for (const [type, name, sql] of objects) {
    if (type === "index") continue;
    if (type !== "table" || /^\s*create\s+virtual\b/i.test(String(sql ?? ""))) {
      throw new PackageError(
        `The collection contains a ${type === "table" ? "virtual table" : String(type)} ("${String(name).slice(0, 40)}"); Anki never writes one, so the file is refused.`,
      );
    }
    tables.add(String(name));
  }
  const present = new Set<KnownTable>();
  for (const table of Object.keys(EXPECTED_COLUMNS) as KnownTable[]) {
    if (!tables.has(table)) continue;
    // table_xinfo lists hidden columns too: 2 and 3 mark generated ones, which would compute on every read.
    const columns = db.exec(`PRAGMA table_xinfo("${table}")`)[0]?.values ?? [];
    if (columns.some((column) => Number(column[6]) >= 2))
      throw new PackageError(`The collection's ${table} table computes columns; Anki never writes that, so the file is refused.`);
    const names = new Set(columns.map((column) => String(column[1])));
    if (!EXPECTED_COLUMNS[table].every((column) => names.has(column))) throw new PackageError(`The collection's ${table} table is not in Anki's format.`);
    present.add(table);
  }
  for (const required of ["col", "notes", "cards"] as const) {
    if (!present.has(required)) throw new PackageError(`The collection has no ${required} table.`);
  }
  return present;
}

// Every read says: Anki's indexes on names use its own "unicase" collation, which SQLite outside Anki
// lacks, and a scan of each table in order is all an import needs.
function rows(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql)[0]?.values ?? [];
}

const text = (value: SqlValue | undefined) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value ?? ""));
const blob = (value: SqlValue | undefined) => (value instanceof Uint8Array ? value : new Uint8Array());

function parseJson(value: SqlValue | undefined): unknown {
  try {
    return JSON.parse(text(value));
  } catch {
    return null;
  }
}

/** Note types of schema 18 (anki21b): rows in notetypes, fields and templates, configs as protobuf. */
function readNoteTypeTables(db: Database): Map<string, AnkiNoteType> {
  const types = new Map<string, AnkiNoteType>();
  for (const [id, name, config] of rows(db, "SELECT CAST(id AS TEXT), name, config FROM notetypes")) {
    types.set(text(id), { id: text(id), name: text(name), cloze: decodeNotetypeKind(blob(config)) === NOTETYPE_KIND_CLOZE, fields: [], templates: [] });
  }
  for (const [ntid, , name] of rows(db, "SELECT CAST(ntid AS TEXT), ord, name FROM fields ORDER BY ntid, ord")) {
    types.get(text(ntid))?.fields.push(text(name));
  }
  for (const [ntid, ord, config] of rows(db, "SELECT CAST(ntid AS TEXT), ord, config FROM templates ORDER BY ntid, ord")) {
    const template = decodeTemplateConfig(blob(config));
    types.get(text(ntid))?.templates.push({ ord: Number(ord), qfmt: template.qFormat, afmt: template.aFormat });
  }
  return types;
}

/** Note types of schema 11 (anki2, anki21): JSON in col.models. */
function readLegacyNoteTypes(modelsJson: SqlValue): Map<string, AnkiNoteType> {
  const models = legacyModelsSchema.safeParse(parseJson(modelsJson));
  if (!models.success) throw new PackageError("The collection has no readable note types.");
  return new Map(
    Object.entries(models.data).map(([id, model]) => [
      id,
      {
        id,
        name: model.name,
        cloze: model.type === 1,
        fields: [...model.flds].sort((a, b) => a.ord - b.ord).map((field) => field.name),
        templates: model.tmpls.map(({ ord, qfmt, afmt }) => ({ ord, qfmt, afmt })),
      },
    ]),
  );
}

function readDecks(db: Database, present: Set<KnownTable>, decksJson: SqlValue): Map<string, string[]> {
  // Schema 18 separates nested deck names with \x1f; schema 11 spells them "Parent::Child".
  if (present.has("decks")) return new Map(rows(db, "SELECT CAST(id AS TEXT), name FROM decks").map(([id, name]) => [text(id), text(name).split("\x1f")]));
  const decks = legacyDecksSchema.safeParse(parseJson(decksJson));
  return new Map(decks.success ? Object.entries(decks.data).map(([id, deck]) => [id, deck.name.split("::")]) : []);
}

/**
 * Schema 18 declares name columns COLLATE unicase, a collation only Anki's own code registers; SQLite cannot even
 * scan a WITHOUT ROWID table that names a missing collation. Names are only read here, never compared, so the
 * copy in memory gets nocase instead, and is reopened so SQLite parses the amended schema.
 */
function withoutAnkiCollation(SQL: SqlJsStatic, db: Database): Database {
  const amended = (db.exec("SELECT type, name, sql FROM sqlite_master")[0]?.values ?? []).filter(([, , sql]) => /collate\s+unicase/i.test(String(sql ?? "")));
  if (amended.length === 0) return db;
  db.run("PRAGMA writable_schema = ON");
  for (const [type, name, sql] of amended) {
    db.run("UPDATE sqlite_master SET sql = ? WHERE type = ? AND name = ?", [
      String(sql).replace(/collate\s+unicase/gi, "COLLATE nocase"),
      type ?? "",
      name ?? "",
    ]);
  }
  db.run("PRAGMA writable_schema = OFF");
  const reopened = new SQL.Database(db.export());
  db.close();
  return reopened;
}

/**
 * Everything the import uses from a collection file, read with fixed SELECTs on known tables only, after the
 * file's schema has been checked. Throws PackageError with a message for the teacher.
 */
export function readCollection(SQL: SqlJsStatic, bytes: Uint8Array, rowLimit: number): AnkiCollection {
  let db: Database;
  try {
    db = new SQL.Database(bytes);
    checkSchema(db);
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError("The collection inside is not a readable SQLite database.");
  }
  try {
    db = withoutAnkiCollation(SQL, db);
    return readTables(db, checkSchema(db), rowLimit);
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError("The collection inside is not in a format this app can read.");
  } finally {
    db.close();
  }
}

function readTables(db: Database, present: Set<KnownTable>, rowLimit: number): AnkiCollection {
  const [crt, modelsJson, decksJson] = rows(db, "SELECT crt, models, decks FROM col LIMIT 1")[0] ?? [];
  const noteTypes =
    present.has("notetypes") && present.has("fields") && present.has("templates") ? readNoteTypeTables(db) : readLegacyNoteTypes(modelsJson ?? null);
  const noteCount = Number(rows(db, "SELECT count(*) FROM notes")[0]?.[0] ?? 0);
  if (noteCount > rowLimit) {
    throw new PackageError(`It has ${noteCount.toLocaleString("en")} notes; the limit is ${rowLimit.toLocaleString("en")}. Split the deck in Anki first.`);
  }
  const cardCount = Number(rows(db, "SELECT count(*) FROM cards")[0]?.[0] ?? 0);
  if (cardCount > rowLimit * 4) throw new PackageError(`It has ${cardCount.toLocaleString("en")} cards; the limit is ${(rowLimit * 4).toLocaleString("en")}.`);
  const notes = rows(db, "SELECT CAST(id AS TEXT), guid, CAST(mid AS TEXT), tags, flds FROM notes ORDER BY id").map(([id, guid, mid, tags, flds]) => ({
    id: text(id),
    guid: text(guid),
    mid: text(mid),
    tags: text(tags),
    fields: text(flds).split("\x1f"),
  }));
  const cards = rows(
    db,
    "SELECT CAST(id AS TEXT), CAST(nid AS TEXT), CAST(did AS TEXT), ord, type, queue, due, ivl, reps, lapses, data FROM cards ORDER BY nid, ord",
  ).map(([id, nid, did, ord, type, queue, due, ivl, reps, lapses, data]) => ({
    id: text(id),
    nid: text(nid),
    did: text(did),
    ord: Number(ord),
    type: Number(type),
    queue: Number(queue),
    due: Number(due),
    ivl: Number(ivl),
    reps: Number(reps),
    lapses: Number(lapses),
    data: text(data),
  }));
  const reviewCount = present.has("revlog") ? Number(rows(db, "SELECT count(*) FROM revlog")[0]?.[0] ?? 0) : 0;
  if (reviewCount > rowLimit * 100)
    throw new PackageError(`Its review history has ${reviewCount.toLocaleString("en")} entries; the limit is ${(rowLimit * 100).toLocaleString("en")}.`);
  const reviews = present.has("revlog")
    ? rows(db, "SELECT CAST(cid AS TEXT), id, ease, type FROM revlog ORDER BY cid, id").map(([cid, id, ease, type]) => ({
        cid: text(cid),
        at: Number(id),
        ease: Number(ease),
        type: Number(type),
      }))
    : [];
  return { createdSeconds: Number(crt ?? 0), noteTypes, decks: readDecks(db, present, decksJson ?? null), notes, cards, reviews };
}
