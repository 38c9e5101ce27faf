/**
 * Builds the Anki packages in this folder, one per layout Anki writes, from one deck that holds every kind of
 * content a teacher's deck can: a 7-field note type with a reverse template and images, "Basic (and reversed
 * card)", a cloze note with three deletions, nested decks, review history (and, in the newest layout, Anki's FSRS
 * memory state), image-only fronts, images past the caps or of a refused type or missing, and an over-long tag. The tables mirror Anki's own schema 11 (anki2, anki21)
 * and schema 18 (anki21b, zstd-compressed, protobuf media map, with the placeholder collection.anki2 Anki adds).
 *
 * Run: npx tsx tests/anki/build-packages.ts   (needs the zstd command; the packages are committed)
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import path from "node:path";
import JSZip from "jszip";
import type { Database } from "sql.js";
import { encodeMessage } from "@/lib/imports/apkg/anki-proto";
import { loadSqlite } from "@/lib/imports/sqlite";
import { ANKI_SCHEMA_11 } from "@/lib/imports/write-apkg";

const SCHEMA_18_TABLES = `
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL, mtime_secs integer NOT NULL, val blob NOT NULL) without rowid;
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE INDEX idx_templates_usn ON templates (usn);
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE INDEX idx_notetypes_usn ON notetypes (usn);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase, mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE INDEX idx_notes_mid ON notes (mid);
CREATE INDEX idx_cards_odid ON cards (odid) WHERE odid != 0;
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL, collapsed boolean NOT NULL, config blob NULL) without rowid;
`;

type NoteType = { id: number; name: string; cloze: boolean; fields: string[]; templates: { name: string; qfmt: string; afmt: string }[] };
type Review = { at: string; ease: number; type: number };
type Note = { type: NoteType; deck: number; fields: string[]; tags?: string; reviews?: Review[][]; fsrs?: { s: number; d: number } };

const MEMBER: NoteType = {
  id: 1_420_000_000_001,
  name: "Member state",
  cloze: false,
  fields: ["Country", "Capital", "Joined", "Flag", "Region", "Population", "Notes"],
  templates: [
    { name: "Joined", qfmt: "{{Country}}<br>{{Flag}}", afmt: "{{FrontSide}}<hr id=answer>{{Joined}}" },
    { name: "Capital", qfmt: "Which ally has the capital {{Capital}}?", afmt: "{{FrontSide}}<hr id=answer>{{Country}}" },
  ],
};
const REVERSED: NoteType = {
  id: 1_420_000_000_002,
  name: "Basic (and reversed card)",
  cloze: false,
  fields: ["Front", "Back"],
  templates: [
    { name: "Card 1", qfmt: "{{Front}}", afmt: "{{FrontSide}}<hr id=answer>{{Back}}" },
    { name: "Card 2", qfmt: "{{Back}}", afmt: "{{FrontSide}}<hr id=answer>{{Front}}" },
  ],
};
const BASIC: NoteType = { id: 1_420_000_000_003, name: "Basic", cloze: false, fields: ["Front", "Back"], templates: [REVERSED.templates[0]!] };
const CLOZE: NoteType = {
  id: 1_420_000_000_004,
  name: "Cloze",
  cloze: true,
  fields: ["Text", "Back Extra"],
  templates: [{ name: "Cloze", qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}<br>{{Back Extra}}" }],
};

const DECKS = { root: 1_420_000_000_100, members: 1_420_000_000_101, summits: 1_420_000_000_102 };
const DECK_NAMES = [
  [1, ["Default"]],
  [DECKS.root, ["NATO"]],
  [DECKS.members, ["NATO", "Members"]],
  [DECKS.summits, ["NATO", "Summits", "2025"]],
] as const;

const NOTES: Note[] = [
  {
    type: MEMBER,
    deck: DECKS.members,
    fields: ["Belgium", "Brussels", "1949", '<img src="be.png">', "Western Europe", "11.8 million", "Founding member; hosts NATO HQ"],
    tags: "founders",
    reviews: [
      [
        { at: "2025-09-01T08:00:00Z", ease: 3, type: 0 },
        { at: "2025-09-04T19:30:00Z", ease: 3, type: 1 },
        { at: "2025-09-20T07:10:00Z", ease: 0, type: 4 },
        { at: "2025-09-21T06:45:00Z", ease: 2, type: 1 },
      ],
    ],
    fsrs: { s: 14.2, d: 5.3 },
  },
  { type: MEMBER, deck: DECKS.members, fields: ["Finland", "Helsinki", "2023", '<img src="fi.png">', "Northern Europe", "5.6 million", ""] },
  { type: MEMBER, deck: DECKS.members, fields: ["Sweden", "Stockholm", "2024", '<img src="se.png">', "Northern Europe", "10.5 million", ""] },
  {
    type: REVERSED,
    deck: DECKS.root,
    fields: ["Article 5", "The collective defence clause"],
    reviews: [[{ at: "2025-10-02T21:00:00Z", ease: 4, type: 0 }], []],
  },
  { type: REVERSED, deck: DECKS.root, fields: ["SACEUR", "Supreme Allied Commander Europe"] },
  { type: BASIC, deck: DECKS.root, fields: ['<img src="hq.png" alt="A glass building">', "NATO Headquarters in Brussels"] },
  { type: BASIC, deck: DECKS.root, fields: ["Where was the 2025 summit held?", "The Hague"], tags: "summits a-tag-that-is-much-longer-than-forty-characters" },
  {
    type: CLOZE,
    deck: DECKS.summits,
    fields: ["The {{c1::Washington Treaty}} was signed in {{c2::1949}} by {{c3::12::how many?}} countries.", "4 April 1949"],
  },
  { type: CLOZE, deck: DECKS.summits, fields: ["Allies agreed to spend {{c1::5%}} of GDP on defence by 2035.", ""] },
  { type: MEMBER, deck: DECKS.members, fields: ["Luxembourg", "Luxembourg", "1949", '<img src="lu.png">', "Western Europe", "0.7 million", ""] },
  { type: BASIC, deck: DECKS.root, fields: ['<img src="emblem.svg">', "The NATO emblem"] },
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => (bytes.reduce((c, byte) => CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 48×32 PNG of one colour, so each flag is its own file with its own hash. */
function solidPng([r, g, b]: [number, number, number]): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(48, 0);
  header.writeUInt32BE(32, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: 48 }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: 32 }, () => row)));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk("IHDR", header),
      pngChunk("IDAT", pixels),
      pngChunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

// The images the notes refer to: three PNGs that come in, one past the 1 MB cap (a PNG signature and zeros, which
// pack small), an SVG (refused: it can carry script), and se.png, which the notes name but the package lacks.
const MEDIA: Record<string, Uint8Array> = {
  "be.png": solidPng([250, 200, 0]),
  "fi.png": solidPng([0, 53, 128]),
  "hq.png": solidPng([40, 70, 140]),
  "lu.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(1024 * 1024 + 1)]),
  "emblem.svg": new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
};

const CREATED = Date.parse("2025-08-01T04:00:00Z") / 1000;

function cardOrds(note: Note): number[] {
  if (!note.type.cloze) return note.type.templates.map((_, ord) => ord);
  return [...new Set([...note.fields[0]!.matchAll(/\{\{c(\d+)::/g)].map((match) => Number(match[1]) - 1))].sort();
}

const checksum = (text: string) => parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16);

/** Notes, cards and revlog rows, identical in every layout except for Anki's FSRS state in cards.data. */
function insertNotes(db: Database, withFsrs: boolean) {
  let cardId = 1_500_000_000_000;
  NOTES.forEach((note, index) => {
    const id = 1_450_000_000_000 + index;
    const sort = note.fields[0]!.replace(/<[^>]*>/g, "");
    db.run("INSERT INTO notes VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, '')", [
      id,
      `guid${index}`,
      note.type.id,
      CREATED,
      note.tags ? ` ${note.tags} ` : "",
      note.fields.join("\x1f"),
      sort,
      checksum(sort),
    ]);
    cardOrds(note).forEach((ord, cardIndex) => {
      cardId += 1;
      const reviews = note.reviews?.[cardIndex] ?? [];
      const reviewed = reviews.length > 0;
      const data = withFsrs && reviewed && note.fsrs ? JSON.stringify({ s: note.fsrs.s, d: note.fsrs.d, dr: 0.9 }) : "";
      db.run("INSERT INTO cards VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?, 0, 0, 0, 0, 0, ?)", [
        cardId,
        id,
        note.deck,
        ord,
        CREATED,
        reviewed ? 2 : 0,
        reviewed ? 2 : 0,
        reviewed ? 60 : cardId,
        reviewed ? 10 : 0,
        reviews.length,
        data,
      ]);
      reviews.forEach((review, reviewIndex) => {
        db.run("INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 0, 8000, ?)", [Date.parse(review.at) + reviewIndex, cardId, review.ease, review.type]);
      });
    });
  });
}

function legacyModels() {
  return Object.fromEntries(
    [MEMBER, REVERSED, BASIC, CLOZE].map((type) => [
      type.id,
      {
        id: type.id,
        name: type.name,
        type: type.cloze ? 1 : 0,
        mod: CREATED,
        usn: 0,
        sortf: 0,
        did: DECKS.root,
        flds: type.fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] })),
        tmpls: type.templates.map((template, ord) => ({ name: template.name, ord, qfmt: template.qfmt, afmt: template.afmt, did: null, bqfmt: "", bafmt: "" })),
        css: ".card {}",
        latexPre: "",
        latexPost: "",
        tags: [],
        vers: [],
        req: [],
      },
    ]),
  );
}

function legacyDecks() {
  return Object.fromEntries(
    DECK_NAMES.map(([id, names]) => [id, { id, name: names.join("::"), desc: "", dyn: 0, conf: 1, collapsed: false, mod: CREATED, usn: 0 }]),
  );
}

async function schema11Collection(notes: "deck" | "placeholder"): Promise<Uint8Array> {
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  db.run(ANKI_SCHEMA_11);
  const models = notes === "deck" ? legacyModels() : { [BASIC.id]: legacyModels()[BASIC.id] };
  db.run("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')", [
    CREATED,
    CREATED * 1000,
    CREATED * 1000,
    JSON.stringify(models),
    JSON.stringify(legacyDecks()),
  ]);
  if (notes === "deck") {
    insertNotes(db, false);
  } else {
    // What Anki puts beside collection.anki21b so that old versions show a message instead of failing.
    db.run("INSERT INTO notes VALUES (1, 'placeholder', ?, 0, 0, '', ?, 'Please update', 0, 0, '')", [
      BASIC.id,
      "Please update to the latest Anki version, then import the .colpkg/.apkg file again.\x1f",
    ]);
    db.run("INSERT INTO cards VALUES (1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  }
  const bytes = db.export();
  db.close();
  return bytes;
}

async function schema18Collection(): Promise<Uint8Array> {
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  db.run(ANKI_SCHEMA_11.replace(/CREATE TABLE graves[^;]*;/, ""));
  db.run("CREATE TABLE graves (oid integer NOT NULL, type integer NOT NULL, usn integer NOT NULL, PRIMARY KEY (oid, type)) WITHOUT ROWID;");
  // sql.js has no unicase collation (Anki's Rust code registers it), so the tables are made with nocase and the
  // stored DDL is then rewritten to Anki's exact text, as found in a real collection.anki21b.
  db.run(SCHEMA_18_TABLES.replaceAll("COLLATE unicase", "COLLATE nocase"));
  // Schema 18 keeps note types and decks in their own tables; col keeps empty placeholders.
  db.run("INSERT INTO col VALUES (1, ?, ?, ?, 18, 0, 0, 0, '', '', '', '', '')", [CREATED, CREATED * 1000, CREATED * 1000]);
  for (const type of [MEMBER, REVERSED, BASIC, CLOZE]) {
    db.run("INSERT INTO notetypes VALUES (?, ?, ?, 0, ?)", [type.id, type.name, CREATED, encodeMessage("NotetypeConfig", { kind: type.cloze ? 1 : 0 })]);
    type.fields.forEach((name, ord) => db.run("INSERT INTO fields VALUES (?, ?, ?, ?)", [type.id, ord, name, new Uint8Array()]));
    type.templates.forEach((template, ord) =>
      db.run("INSERT INTO templates VALUES (?, ?, ?, ?, 0, ?)", [
        type.id,
        ord,
        template.name,
        CREATED,
        encodeMessage("TemplateConfig", { qFormat: template.qfmt, aFormat: template.afmt }),
      ]),
    );
  }
  for (const [id, names] of DECK_NAMES)
    db.run("INSERT INTO decks VALUES (?, ?, ?, 0, ?, ?)", [id, names.join("\x1f"), CREATED, new Uint8Array(), new Uint8Array()]);
  insertNotes(db, true);
  db.run("PRAGMA writable_schema = ON");
  db.run("UPDATE sqlite_master SET sql = replace(sql, 'COLLATE nocase', 'COLLATE unicase')");
  db.run("PRAGMA writable_schema = OFF");
  const bytes = db.export();
  db.close();
  return bytes;
}

function zstd(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(execFileSync("zstd", ["-q", "-c", "--no-check", "-"], { input: bytes }));
}

async function writePackage(name: string, files: Record<string, Uint8Array | string>, stored: string[] = []) {
  const zip = new JSZip();
  for (const [entry, content] of Object.entries(files)) zip.file(entry, content, { compression: stored.includes(entry) ? "STORE" : "DEFLATE" });
  const bytes = await zip.generateAsync({ type: "uint8array" });
  writeFileSync(path.join(import.meta.dirname, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}

const MEDIA_NAMES = Object.keys(MEDIA);
const legacyMedia = Object.fromEntries(MEDIA_NAMES.map((name, index) => [String(index), name]));
const mediaFiles = Object.fromEntries(MEDIA_NAMES.map((name, index) => [String(index), MEDIA[name]!]));

await writePackage("nato-anki2.apkg", { "collection.anki2": await schema11Collection("deck"), media: JSON.stringify(legacyMedia), ...mediaFiles });
await writePackage("nato-anki21.apkg", {
  "collection.anki21": await schema11Collection("deck"),
  "collection.anki2": await schema11Collection("placeholder"),
  media: JSON.stringify(legacyMedia),
  ...mediaFiles,
});
const newest = Object.fromEntries(MEDIA_NAMES.map((name, index) => [String(index), zstd(MEDIA[name]!)]));
await writePackage(
  "nato-anki21b.apkg",
  {
    meta: encodeMessage("PackageMetadata", { version: 3 }),
    "collection.anki21b": zstd(await schema18Collection()),
    "collection.anki2": await schema11Collection("placeholder"),
    media: zstd(
      encodeMessage("MediaEntries", {
        entries: MEDIA_NAMES.map((name) => ({ name, size: MEDIA[name]!.length, sha1: createHash("sha1").update(MEDIA[name]!).digest() })),
      }),
    ),
    ...newest,
  },
  ["collection.anki21b", "media", ...Object.keys(newest)],
);
