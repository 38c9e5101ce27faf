import { createHash } from "node:crypto";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseImportFile } from "@/lib/imports/parse-upload";
import { loadSqlite } from "@/lib/imports/sqlite";
import { ANKI_SCHEMA_11, buildApkg, type ExportCard } from "@/lib/imports/write-apkg";
import { buildDeckCsv } from "@/lib/imports/write-csv";
import { imageToken } from "@/lib/media/card-images";

const NOW = new Date("2026-03-02T09:30:00Z");

const CARDS: ExportCard[] = [
  {
    id: "c1",
    stableId: "gen-cloze-1",
    kind: "CLOZE",
    prompt: "Foreign ministers met in {{c1::Antalya}} in May 2025.",
    answer: "Antalya",
    choices: [],
    explanation: "Informal meeting <before> the summit & more",
    tolerance: null,
    tags: ["ministers", "2025"],
  },
  {
    id: "c2",
    stableId: null,
    kind: "QA",
    prompt: "Who chaired the meeting?\nGive the full name.",
    answer: "Mark Rutte",
    choices: [],
    explanation: "",
    tolerance: null,
    tags: [],
  },
  {
    id: "c3",
    stableId: "gen-mcq-1",
    kind: "MCQ",
    prompt: "Where is NATO HQ?",
    answer: "Brussels",
    choices: ["Mons", "Brussels", "The Hague"],
    explanation: "Since 1967.",
    tolerance: null,
    tags: ["hq"],
  },
  {
    id: "c4",
    stableId: "gen-tf-1",
    kind: "TRUEFALSE",
    prompt: "The 2025 summit was in The Hague.",
    answer: "True",
    choices: [],
    explanation: "",
    tolerance: null,
    tags: [],
  },
  {
    id: "c5",
    stableId: "gen-num-1",
    kind: "NUMERIC",
    prompt: "Target share of GDP for core defence (%)?",
    answer: "3.5",
    choices: [],
    explanation: "",
    tolerance: 0.1,
    tags: ["spending"],
  },
  {
    id: "c6",
    stableId: "gen-cloze-2",
    kind: "CLOZE",
    prompt: "The {{c1::Washington Treaty}} was signed in {{c2::1949}}.",
    answer: "Washington Treaty, 1949",
    choices: [],
    explanation: "",
    tolerance: null,
    tags: [],
  },
];

const content = (card: ExportCard) => ({
  stableId: card.stableId ?? card.id,
  kind: card.kind,
  prompt: card.prompt,
  answer: card.answer,
  choices: card.choices,
  explanation: card.explanation,
  tolerance: card.tolerance,
  tags: card.tags,
});

describe("Anki package export", () => {
  it("writes a schema-11 collection with Basic and Cloze note types, one new card per note and per cloze deletion", async () => {
    const bytes = await buildApkg({ name: "NATO 2025", description: "Ministerials <b>& more</b>" }, CARDS, NOW);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(["collection.anki2", "media"]);
    expect(await zip.file("media")!.async("string")).toBe("{}");
    const SQL = await loadSqlite();
    const db = new SQL.Database(await zip.file("collection.anki2")!.async("uint8array"));
    const [ver, modelsJson, decksJson] = db.exec("SELECT ver, models, decks FROM col")[0]!.values[0]!;
    expect(ver).toBe(11);
    const models = Object.values(JSON.parse(String(modelsJson))) as { name: string; type: number; flds: { name: string }[] }[];
    expect(models.map((model) => [model.type, model.flds[0]!.name])).toEqual([
      [0, "Front"],
      [1, "Text"],
    ]);
    const decks = Object.values(JSON.parse(String(decksJson))) as { name: string; desc: string }[];
    expect(decks.map((deck) => [deck.name, deck.desc])).toEqual([
      ["Default", ""],
      ["NATO 2025", "Ministerials &lt;b&gt;&amp; more&lt;/b&gt;"],
    ]);
    expect(db.exec("SELECT count(*) FROM notes")[0]!.values[0]![0]).toBe(6);
    expect(db.exec("SELECT count(*), min(type), max(queue) FROM cards")[0]!.values[0]).toEqual([7, 0, 0]);
    // A cloze with two deletion numbers is two Anki cards, each blanking its own, as Anki would make them.
    expect(db.exec("SELECT c.ord FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = 'gen-cloze-2' ORDER BY c.ord")[0]!.values).toEqual([[0], [1]]);
    // The numeric tolerance is shown on the back.
    const basic = (Object.values(JSON.parse(String(modelsJson))) as { type: number; tmpls: { afmt: string }[] }[]).find((model) => model.type === 0)!;
    expect(basic.tmpls[0]!.afmt).toContain("{{#Tolerance}}<div class=tolerance>(accepted within ± {{Tolerance}})</div>{{/Tolerance}}");
    expect(String(db.exec("SELECT flds FROM notes WHERE guid = 'gen-num-1'")[0]!.values[0]![0]).split("\x1f")[5]).toBe("0.1");
    // Anki shows fields as HTML, so text is escaped there, not interpreted.
    const [flds] = db.exec("SELECT flds FROM notes WHERE guid = 'gen-cloze-1'")[0]!.values[0]!;
    expect(String(flds).split("\x1f")).toEqual([
      "Foreign ministers met in {{c1::Antalya}} in May 2025.",
      "Informal meeting &lt;before&gt; the summit &amp; more",
    ]);
    db.close();
  });

  it("imports back as the same cards (kind, text, choices, tolerance, tags, stable id)", async () => {
    const bytes = await buildApkg({ name: "NATO 2025", description: "" }, CARDS, NOW);
    const parsed = await parseImportFile({ name: "nato.apkg", bytes });
    expect(parsed.problems).toEqual([]);
    expect(parsed.cards).toEqual(CARDS.map(content));
  });

  it("carries the cards' images in the package's media, under their names, and imports them back to the same cards", async () => {
    const flag = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const sha256 = createHash("sha256").update(flag).digest("hex");
    const withImage: ExportCard[] = [
      {
        id: "i1",
        stableId: "img-qa",
        kind: "QA",
        prompt: `Whose flag is this?\n${imageToken("Flag", sha256)}`,
        answer: "Belgium",
        choices: [],
        explanation: "",
        tolerance: null,
        tags: [],
      },
      {
        id: "i2",
        stableId: "img-cloze",
        kind: "CLOZE",
        prompt: `${imageToken("be.png", sha256)}\nThe flag of {{c1::Belgium}}`,
        answer: "Belgium",
        choices: [],
        explanation: "",
        tolerance: null,
        tags: [],
      },
    ];
    const bytes = await buildApkg({ name: "Flags", description: "" }, withImage, NOW, [{ sha256, fileName: "be.png", mimeType: "image/png", bytes: flag }]);
    const zip = await JSZip.loadAsync(bytes);
    expect(JSON.parse(await zip.file("media")!.async("string"))).toEqual({ "0": "be.png" });
    expect(await zip.file("0")!.async("uint8array")).toEqual(flag);
    const SQL = await loadSqlite();
    const db = new SQL.Database(await zip.file("collection.anki2")!.async("uint8array"));
    expect(String(db.exec("SELECT flds FROM notes WHERE guid = 'img-qa'")[0]!.values[0]![0]).split("\x1f")[0]).toBe(
      'Whose flag is this?<br><img src="be.png" alt="Flag">',
    );
    db.close();
    const parsed = await parseImportFile({ name: "flags.apkg", bytes });
    expect(parsed.problems).toEqual([]);
    expect(parsed.cards).toEqual(withImage.map(content));
    expect(parsed.images?.map((image) => [image.name, image.sha256, image.mimeType])).toEqual([["be.png", sha256, "image/png"]]);
  });

  it("keeps a deck whose name has '::' one deck in Anki, and tags that Anki or a CSV would split one tag", async () => {
    const cards: ExportCard[] = [{ ...CARDS[1]!, tags: ["founding member;hq", "summits::2025"] }];
    const zip = await JSZip.loadAsync(await buildApkg({ name: "From Anki::Summits :: 2025", description: "" }, cards, NOW));
    const SQL = await loadSqlite();
    const db = new SQL.Database(await zip.file("collection.anki2")!.async("uint8array"));
    const decks = Object.values(JSON.parse(String(db.exec("SELECT decks FROM col")[0]!.values[0]![0]))) as { name: string }[];
    expect(decks.map((deck) => deck.name)).toEqual(["Default", "From Anki - Summits - 2025"]);
    expect(db.exec("SELECT tags FROM notes")[0]!.values[0]![0]).toBe(" founding-member-hq summits::2025 ");
    db.close();
  });

  it("escapes formulas in the deck CSV, and imports the escaped cells back as they were", async () => {
    const hostile: ExportCard[] = [
      {
        id: "f1",
        stableId: "formula-1",
        kind: "QA",
        prompt: '=HYPERLINK("http://evil.example","Click")',
        answer: "@SUM(A1:A9)",
        choices: [],
        explanation: "+1 point",
        tolerance: null,
        tags: [],
      },
      {
        id: "f2",
        stableId: "formula-2",
        kind: "NUMERIC",
        prompt: "Change in spending (%)?",
        answer: "-3",
        choices: [],
        explanation: "",
        tolerance: 0.5,
        tags: [],
      },
    ];
    const csv = buildDeckCsv(hostile);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")","'@SUM(A1:A9)",,"'+1 point"`);
    expect(csv).not.toMatch(/(^|,)"?[=+@-]/m);
    const parsed = await parseImportFile({ name: "formulas.csv", bytes: new TextEncoder().encode(csv) });
    expect(parsed.problems).toEqual([]);
    expect(parsed.cards).toEqual(hostile.map(content));
  });

  it("exports CSV that imports back as the same cards", async () => {
    const parsed = await parseImportFile({ name: "nato.csv", bytes: new TextEncoder().encode(buildDeckCsv(CARDS)) });
    expect(parsed.problems).toEqual([]);
    expect(parsed.cards).toEqual(CARDS.map(content));
  });
});

describe("Anki package import", () => {
  async function ankiPackage(file: string, models: object, notes: [string, number, string, string][]): Promise<Uint8Array> {
    const SQL = await loadSqlite();
    const db = new SQL.Database();
    db.run(ANKI_SCHEMA_11);
    db.run("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, '{}', '{}', '{}')", [JSON.stringify(models)]);
    notes.forEach(([guid, mid, tags, flds], index) =>
      db.run("INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')", [index + 1, guid, mid, tags, flds]),
    );
    const zip = new JSZip();
    zip.file(file, db.export());
    db.close();
    return zip.generateAsync({ type: "uint8array" });
  }

  const MODELS = {
    "11": {
      type: 0,
      flds: [
        { name: "Front", ord: 0 },
        { name: "Back", ord: 1 },
      ],
    },
    "22": {
      type: 1,
      flds: [
        { name: "Text", ord: 0 },
        { name: "Extra", ord: 1 },
      ],
    },
  };

  it("reads notes from Anki's own Basic and Cloze types, turning field HTML into text and keeping cloze markup", async () => {
    const bytes = await ankiPackage("collection.anki21", MODELS, [
      ["g1", 11, " Summit NATO::2025 ", "<b>Where</b> was the 2025 summit?<br>Name the city\x1fThe&nbsp;Hague"],
      ["g2", 22, "", "<div>Ministers met in {{c1::Antalya::city}}.</div>\x1fMay 2025"],
    ]);
    const parsed = await parseImportFile({ name: "shared.apkg", bytes });
    expect(parsed.problems).toEqual([]);
    expect(parsed.cards).toEqual([
      expect.objectContaining({
        stableId: "g1",
        kind: "QA",
        prompt: "Where was the 2025 summit?\nName the city",
        answer: "The Hague",
        tags: ["summit", "nato::2025"],
      }),
      expect.objectContaining({ stableId: "g2", kind: "CLOZE", prompt: "Ministers met in {{c1::Antalya::city}}.", answer: "Antalya", explanation: "May 2025" }),
    ]);
  });

  it("names the note and the problem, and explains packages it cannot read", async () => {
    const bytes = await ankiPackage("collection.anki2", MODELS, [
      ["g1", 11, "", "Front only\x1f"],
      ["g2", 99, "", "x\x1fy"],
    ]);
    const parsed = await parseImportFile({ name: "shared.apkg", bytes });
    expect(parsed.problems).toEqual([
      { row: 'Note 1 ("Front only")', message: "back: Enter an answer." },
      { row: 'Note 2 ("x")', message: "Its note type is missing from the package." },
    ]);
    const latest = new JSZip();
    latest.file("collection.anki21b", "not zstd");
    const newest = await parseImportFile({ name: "new.apkg", bytes: await latest.generateAsync({ type: "uint8array" }) });
    expect(newest.problems[0]?.message).toMatch(/damaged or is not zstd/);
    const notZip = await parseImportFile({ name: "bad.apkg", bytes: new TextEncoder().encode("hello") });
    expect(notZip.problems[0]?.message).toMatch(/not an Anki package/);
  });
});
