import JSZip from "jszip";
import { expect, it } from "vitest";
import { BASIC_MODEL_ID, buildModels } from "@/lib/imports/anki-models";
import { readApkg } from "@/lib/imports/read-apkg";
import { loadSqlite } from "@/lib/imports/sqlite";
import { ANKI_SCHEMA_11 } from "@/lib/imports/write-apkg";
import { MAX_IMAGE_BYTES } from "@/lib/media/image-type";

/** A legacy package of one note per image, each note "Front <img>" with back "Back". */
async function packageOf(images: Uint8Array[]): Promise<Uint8Array> {
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  db.run(ANKI_SCHEMA_11);
  db.run("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, '{}', '{}', '{}')", [JSON.stringify(buildModels(1, 0))]);
  images.forEach((_, index) =>
    db.run("INSERT INTO notes VALUES (?, ?, ?, 0, 0, '', ?, '', 0, 0, '')", [
      index + 1,
      `g${index}`,
      BASIC_MODEL_ID,
      `Flag ${index}<img src="${index}.png">\x1fBack\x1fQA`,
    ]),
  );
  const zip = new JSZip();
  zip.file("collection.anki2", db.export());
  db.close();
  zip.file("media", JSON.stringify(Object.fromEntries(images.map((_, index) => [String(index), `${index}.png`]))));
  images.forEach((bytes, index) => zip.file(String(index), bytes));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

// A PNG signature and a distinct filler, just under the 1 MB cap.
function bigPng(index: number): Uint8Array {
  const bytes = new Uint8Array(MAX_IMAGE_BYTES - 1);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, index]);
  return bytes;
}

it("stores at most 20 MB of images from one package and names the ones past it", async () => {
  const parsed = await readApkg(await packageOf(Array.from({ length: 21 }, (_, index) => bigPng(index))));
  expect(parsed.problems).toEqual([]);
  expect(parsed.cards).toHaveLength(21);
  expect(parsed.report!.media.images).toMatchObject({ stored: 20, skipped: [{ name: "20.png", reason: "overImportCap" }] });
  expect(parsed.images).toHaveLength(20);
  expect(parsed.cards[20]!.prompt).toBe("Flag 20");
}, 60_000);
