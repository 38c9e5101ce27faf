import JSZip from "jszip";
import { z } from "zod";
import { cardKindSchema, type CardContentInput } from "@/lib/cards/schema";
import { htmlToText } from "./anki-html";
import { MAX_IMPORT_ROWS, sortProblems, type ImportProblem, type ParsedImport } from "./schema";
import { loadSqlite } from "./sqlite";
import { collectCards } from "./validate-card";

// A 5 MB zip can inflate a thousandfold; collections past this are refused before they fill memory.
const MAX_COLLECTION_BYTES = 100 * 1024 * 1024;

const modelsSchema = z.record(
  z.string(),
  z.object({ type: z.number(), flds: z.array(z.object({ name: z.string(), ord: z.number() })) }),
);

type Note = { guid: string; mid: string; tags: string; flds: string };

const fail = (message: string): Pick<ParsedImport, "cards" | "problems"> => ({ cards: [], problems: [{ row: "File", message }] });

/** Inflates one zip entry, stopping as soon as it passes the size limit. */
function inflateWithLimit(entry: JSZip.JSZipObject): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_COLLECTION_BYTES) {
        stream.pause();
        stream.removeAllListeners();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    stream.on("error", reject);
    stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

/** One note as card input: cloze notes keep their {{c1::…}} markup; this app's own fields restore the kind. */
function noteToInput(note: Note, model: { type: number; flds: { name: string; ord: number }[] }): CardContentInput {
  const values = note.flds.split("\x1f");
  const byName = new Map(model.flds.map((field) => [field.name, values[field.ord] ?? ""]));
  const text = (name: string) => htmlToText(byName.get(name) ?? "");
  const tags = note.tags.trim().split(/\s+/).filter(Boolean);
  if (model.type === 1) {
    return { kind: "CLOZE", prompt: htmlToText(values[0] ?? ""), explanation: htmlToText(values[1] ?? ""), tags };
  }
  const kind = cardKindSchema.safeParse(byName.get("Kind")?.trim());
  const tolerance = text("Tolerance");
  return {
    kind: kind.success ? kind.data : "QA",
    prompt: htmlToText(values[0] ?? ""),
    answer: htmlToText(values[1] ?? ""),
    choices: (byName.get("Choices") ?? "").split(/<br\s*\/?>/i).map(htmlToText).filter(Boolean),
    explanation: text("Explanation"),
    tolerance: tolerance === "" ? null : Number(tolerance),
    tags,
  };
}

/**
 * Reads an Anki package: the collection inside (collection.anki21 when present, else collection.anki2), one card
 * per note. Notes are numbered in the problems as Anki's browser lists them, with the start of their first field.
 */
export async function readApkg(bytes: Uint8Array): Promise<Pick<ParsedImport, "cards" | "problems">> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return fail("This is not an Anki package (.apkg is a zip file).");
  }
  const entry = zip.file("collection.anki21") ?? zip.file("collection.anki2");
  if (!entry) {
    return zip.file("collection.anki21b")
      ? fail('This package uses the newest Anki format. In Anki, export again with "Support older Anki versions" ticked.')
      : fail("This zip has no Anki collection inside.");
  }
  const collection = await inflateWithLimit(entry);
  if (!collection) return fail("The collection inside is larger than 100 MB.");
  const SQL = await loadSqlite();
  let db;
  try {
    db = new SQL.Database(collection);
  } catch {
    return fail("The collection inside is not a readable SQLite database.");
  }
  try {
    const modelsJson = db.exec("SELECT models FROM col LIMIT 1")[0]?.values[0]?.[0];
    const models = modelsSchema.safeParse(typeof modelsJson === "string" ? JSON.parse(modelsJson) : null);
    if (!models.success) return fail("The collection has no readable note types.");
    const noteCount = Number(db.exec("SELECT count(*) FROM notes")[0]?.values[0]?.[0] ?? 0);
    if (noteCount > MAX_IMPORT_ROWS) {
      return fail(`It has ${noteCount.toLocaleString("en")} notes; the limit is ${MAX_IMPORT_ROWS.toLocaleString("en")}. Split the deck in Anki first.`);
    }
    const problems: ImportProblem[] = [];
    const rows: Parameters<typeof collectCards>[0] = [];
    const statement = db.prepare("SELECT guid, CAST(mid AS TEXT) AS mid, tags, flds FROM notes ORDER BY id");
    let index = 0;
    while (statement.step()) {
      index += 1;
      const note = statement.getAsObject() as Note;
      const label = `Note ${index} ("${htmlToText(note.flds.split("\x1f")[0] ?? "").slice(0, 40)}")`;
      const model = models.data[note.mid];
      if (!model) {
        problems.push({ row: label, message: "Its note type is missing from the package." });
        continue;
      }
      rows.push({ row: label, input: noteToInput(note, model), stableId: note.guid || null });
    }
    statement.free();
    const collected = collectCards(rows);
    return { cards: collected.cards, problems: sortProblems([...problems, ...collected.problems]) };
  } catch {
    return fail("The collection inside is not in a format this app can read.");
  } finally {
    db.close();
  }
}
