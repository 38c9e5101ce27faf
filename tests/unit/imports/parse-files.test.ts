import { describe, expect, it } from "vitest";
import { parseImportFile } from "@/lib/imports/parse-upload";
import { guessMapping } from "@/lib/imports/read-table";
import { MAX_IMPORT_ROWS } from "@/lib/imports/schema";

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe("CSV and TSV import", () => {
  it("guesses the mapping from the headers and reads every kind", async () => {
    const csv = [
      "Question,Answer,Type,Options,Tags",
      "Where was the 2025 summit?,The Hague,,,summit",
      'NATO foreign ministers met in {{c1::Antalya}}.,,cloze,,"ministers, 2025"',
      "Which city hosts NATO HQ?,Brussels,mcq,Brussels | Mons | Paris,",
      "NATO has 32 members.,true,truefalse,,",
      "How many Allies?,32,numeric,,",
    ].join("\n");
    const parsed = await parseImportFile(file("deck.csv", csv));
    expect(parsed.problems).toEqual([]);
    expect(parsed.mapping).toMatchObject({ front: 0, back: 1, kind: 2, choices: 3, tags: 4, id: null });
    expect(parsed.cards.map((card) => card.kind)).toEqual(["QA", "CLOZE", "MCQ", "TRUEFALSE", "NUMERIC"]);
    expect(parsed.cards[1]).toMatchObject({ answer: "Antalya", tags: ["ministers", "2025"] });
    expect(parsed.cards[2]?.choices).toEqual(["Brussels", "Mons", "Paris"]);
    expect(parsed.cards[3]?.answer).toBe("True");
  });

  it("uses the mapping the teacher chose, and reads tabs for .tsv", async () => {
    const tsv = "notes\tterm\tdefinition\nx\tSHAPE\tSupreme Headquarters Allied Powers Europe\n";
    const parsed = await parseImportFile(file("deck.tsv", tsv), {
      front: 1,
      back: 2,
      kind: null,
      choices: null,
      explanation: 0,
      tolerance: null,
      tags: null,
      id: null,
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.cards).toEqual([
      expect.objectContaining({ kind: "QA", prompt: "SHAPE", answer: "Supreme Headquarters Allied Powers Europe", explanation: "x" }),
    ]);
    expect(guessMapping(["notes", "term", "definition"])).toMatchObject({ front: 1, back: 2, explanation: 0 });
  });

  it("names the spreadsheet row and the problem, and returns no cards from a file with problems", async () => {
    const csv = "front,back,kind,choices\nok,fine,,\nWhich?,Oslo,mcq,Rome | Paris\nQ,A,essay,\n";
    const parsed = await parseImportFile(file("deck.csv", csv));
    expect(parsed.problems).toEqual([
      { row: "Row 3", message: expect.stringContaining("back: The answer must be one of the choices") },
      { row: "Row 4", message: expect.stringContaining('"essay" is not one of') },
    ]);
  });

  it("refuses an id that repeats within the file", async () => {
    const parsed = await parseImportFile(file("deck.csv", "id,front,back\na1,Q1,A1\na1,Q2,A2\n"));
    expect(parsed.problems).toEqual([{ row: "Row 3", message: 'id "a1" repeats Row 2.' }]);
  });

  it("refuses files over the row and size limits with a clear message", async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Q${i},A${i}`).join("\n");
    const tooLong = await parseImportFile(file("deck.csv", `front,back\n${rows}`));
    expect(tooLong.problems[0]?.message).toMatch(/10,001 rows; the limit is 10,000/);
    const tooBig = await parseImportFile({ name: "deck.csv", bytes: new Uint8Array(5 * 1024 * 1024 + 1) });
    expect(tooBig.problems[0]?.message).toMatch(/larger than 5 MB/);
    expect((await parseImportFile(file("deck.pdf", "x"))).problems[0]?.message).toMatch(/\.csv, \.tsv, \.txt or \.apkg/);
    expect((await parseImportFile({ name: "deck.csv", bytes: new Uint8Array([0xff, 0xfe, 0x00]) })).problems[0]?.message).toMatch(/UTF-8/);
  });
});

describe("plain front<TAB>back text", () => {
  it("reads one card per line and names lines without a tab", async () => {
    const ok = await parseImportFile(file("words.txt", "# NATO\nSACEUR\tSupreme Allied Commander Europe\n\nNAC\tNorth Atlantic Council\n"));
    expect(ok.problems).toEqual([]);
    expect(ok.cards.map((card) => [card.prompt, card.answer])).toEqual([
      ["SACEUR", "Supreme Allied Commander Europe"],
      ["NAC", "North Atlantic Council"],
    ]);
    const bad = await parseImportFile(file("words.txt", "A\tB\nno tab here\nC\t\n"));
    expect(bad.problems).toEqual([
      { row: "Line 2", message: "No tab between front and back." },
      { row: "Line 3", message: "back: Enter an answer." },
    ]);
  });
});
