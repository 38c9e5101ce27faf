import { createHash } from "node:crypto";
import JSZip from "jszip";
import type { CardKindName } from "@/lib/cards/schema";
import { BASIC_MODEL_ID, CLOZE_MODEL_ID, buildCollectionConf, buildDeckConfigs, buildDecks, buildModels } from "./anki-models";
import { splitCardText } from "@/lib/media/card-images";
import { IMAGE_EXTENSION, type ImageType } from "@/lib/media/image-type";
import { htmlToText, textToHtml } from "./anki-html";
import { valueAsTag } from "./apkg/note-cards";
import { loadSqlite } from "./sqlite";

export type ExportCard = {
  id: string;
  stableId: string | null;
  kind: CardKindName;
  prompt: string;
  answer: string;
  choices: string[];
  explanation: string;
  tolerance: number | null;
  tags: string[];
};

// Anki's schema 11 (the legacy .apkg layout every Anki version since 2.1 imports); the test packages in tests/anki reuse it.
export const ANKI_SCHEMA_11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/** An image the exported cards show, written into the package's media with the name its <img> uses. */
export type ExportImage = { sha256: string; fileName: string; mimeType: string; bytes: Uint8Array };

/**
 * Media names for the package: each image's own file name, unless two images share it or it is not a plain file
 * name; then its hash with the extension of its type.
 */
function mediaNames(images: ExportImage[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const image of images) count.set(image.fileName, (count.get(image.fileName) ?? 0) + 1);
  const plain = (name: string) => /^[^/\\:*?"<>|\x00-\x1f]{1,120}$/.test(name) && name !== "." && name !== "..";
  return new Map(
    images.map((image) => [
      image.sha256,
      count.get(image.fileName) === 1 && plain(image.fileName) ? image.fileName : `${image.sha256}.${IMAGE_EXTENSION[image.mimeType as ImageType] ?? "img"}`,
    ]),
  );
}

/** Card text as an Anki field: text escaped, each image an <img> naming its media file (dropped if not exported). */
function textToField(text: string, names: Map<string, string>): string {
  return splitCardText(text)
    .map((part) => {
      if (part.kind === "text") return textToHtml(part.text);
      const name = names.get(part.sha256);
      return name ? `<img src="${textToHtml(name)}" alt="${textToHtml(part.alt)}">` : "";
    })
    .join("");
}

/**
 * The deck's name in Anki. Anki reads "::" as a sub-deck, so a name here that contains it ("Summits::2025", as
 * sub-decks imported as decks are named) would arrive as an empty parent deck with a child; it becomes " - "
 * ("Summits - 2025") and the package stays one deck.
 */
export const ankiDeckName = (name: string) => name.replace(/\s*::\s*/g, " - ");

/** What Anki shows as choices: the options of a multiple-choice card, True/False for a true-or-false one. */
function displayedChoices(card: ExportCard): string[] {
  if (card.kind === "MCQ") return card.choices;
  return card.kind === "TRUEFALSE" ? ["True", "False"] : [];
}

/** The note's fields as Anki HTML, in the order of its note type. */
function noteFields(card: ExportCard, names: Map<string, string>): string[] {
  const field = (text: string) => textToField(text, names);
  if (card.kind === "CLOZE") return [field(card.prompt), field(card.explanation)];
  return [
    field(card.prompt),
    field(card.answer),
    card.kind,
    displayedChoices(card).map(field).join("<br>"),
    field(card.explanation),
    card.tolerance === null ? "" : String(card.tolerance),
  ];
}

/**
 * The Anki cards of a note: one for a standard note, one per deletion number for a cloze (c1 is card 0), as Anki
 * itself would generate them; a cloze with only some of its cards would show the missing deletions as plain text.
 */
function ankiCardOrds(card: ExportCard): number[] {
  if (card.kind !== "CLOZE") return [0];
  const numbers = [...card.prompt.matchAll(/\{\{c(\d+)::/g)].map((match) => Number(match[1]));
  return [...new Set(numbers)]
    .filter((n) => n >= 1)
    .sort((a, b) => a - b)
    .map((n) => n - 1);
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the sort field's text. */
function checksum(text: string): number {
  return parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16);
}

/** Anki tags are space-separated (and this app's CSV splits on "," and ";"), so those become dashes inside a tag. */
function noteTags(tags: string[]): string {
  return tags.length === 0 ? "" : ` ${tags.map(valueAsTag).join(" ")} `;
}

/**
 * An .apkg Anki can open: a zip of collection.anki2 (schema 11, the Basic and Cloze note types below, one note per
 * card, with one new Anki card per deletion number for a cloze) and the images the cards show, in the legacy media
 * map ({"0": "name.png"} beside entries "0", "1", …). Each note's guid is the card's stable id, so importing the
 * package back here, or into Anki twice, updates instead of duplicating.
 */
export async function buildApkg(deck: { name: string; description: string }, cards: ExportCard[], now: Date, images: ExportImage[] = []): Promise<Uint8Array> {
  const names = mediaNames(images);
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  try {
    db.run(ANKI_SCHEMA_11);
    const nowMs = now.getTime();
    const nowSeconds = Math.floor(nowMs / 1000);
    const deckId = nowMs;
    db.run("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')", [
      nowSeconds,
      nowMs,
      nowMs,
      JSON.stringify(buildCollectionConf(deckId)),
      JSON.stringify(buildModels(deckId, nowSeconds)),
      // Anki shows a deck's description as HTML, so it is escaped like every field.
      JSON.stringify(buildDecks(deckId, ankiDeckName(deck.name), textToHtml(deck.description), nowSeconds)),
      JSON.stringify(buildDeckConfigs()),
    ]);
    const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const insertCard = db.prepare("INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    let cardId = nowMs;
    cards.forEach((card, index) => {
      // Note and card ids are millisecond timestamps in Anki; consecutive ones keep them unique and ordered.
      const noteId = nowMs + index;
      const fields = noteFields(card, names);
      const sortField = htmlToText(fields[0] ?? "");
      insertNote.run([
        noteId,
        card.stableId ?? card.id,
        card.kind === "CLOZE" ? CLOZE_MODEL_ID : BASIC_MODEL_ID,
        nowSeconds,
        noteTags(card.tags),
        fields.join("\x1f"),
        sortField,
        checksum(sortField),
      ]);
      for (const ord of ankiCardOrds(card)) insertCard.run([cardId++, noteId, deckId, ord, nowSeconds, index + 1]);
    });
    insertNote.free();
    insertCard.free();
    const zip = new JSZip();
    zip.file("collection.anki2", db.export());
    images.forEach((image, index) => zip.file(String(index), image.bytes));
    zip.file("media", JSON.stringify(Object.fromEntries(images.map((image, index) => [String(index), names.get(image.sha256)!]))));
    return await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  } finally {
    db.close();
  }
}
