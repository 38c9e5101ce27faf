import { Decompress } from "fzstd";
import JSZip from "jszip";
import { decodeMediaEntries, decodePackageMetadata, PACKAGE_VERSION_LATEST } from "./anki-proto";

// A 5 MB zip can inflate a thousandfold; collections past this are refused before they fill memory.
export const MAX_COLLECTION_BYTES = 100 * 1024 * 1024;

export type PackageLayout = "anki2" | "anki21" | "anki21b";

/** A media file named in the package: its name in notes, and the zip entry holding it (if it is there). */
export type PackageMedia = { name: string; entry: string };

export type OpenedPackage = { layout: PackageLayout; collection: Uint8Array; media: PackageMedia[]; zip: JSZip };

export class PackageError extends Error {}

/** Inflates one zip entry, stopping as soon as it passes the size limit. */
export function inflateWithLimit(entry: JSZip.JSZipObject, limit: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
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

const ZSTD_INPUT_CHUNK = 64 * 1024;

/**
 * Decompresses a zstd entry (Anki's newest layout) as a stream, stopping once the output passes the limit: Anki
 * writes frames without a declared size, so a small entry cannot be trusted to stay small.
 */
export function unzstd(bytes: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const tooLarge = new PackageError(`The collection inside is larger than ${limit / 1024 / 1024} MB.`);
  const stream = new Decompress((chunk) => {
    size += chunk.length;
    if (size > limit) throw tooLarge;
    chunks.push(chunk.slice());
  });
  try {
    for (let offset = 0; offset < bytes.length; offset += ZSTD_INPUT_CHUNK) {
      stream.push(bytes.subarray(offset, offset + ZSTD_INPUT_CHUNK), offset + ZSTD_INPUT_CHUNK >= bytes.length);
    }
  } catch (error) {
    if (error === tooLarge) throw error;
    throw new PackageError("A compressed file in the package is damaged or is not zstd data.");
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

async function readEntry(zip: JSZip, name: string, limit: number): Promise<Uint8Array | null> {
  const entry = zip.file(name);
  if (!entry) return null;
  const bytes = await inflateWithLimit(entry, limit);
  if (!bytes) throw new PackageError(`The collection inside is larger than ${limit / 1024 / 1024} MB.`);
  return bytes;
}

/** Anki's `meta` entry says which layout the package uses; without it the newest collection present wins. */
async function chooseLayout(zip: JSZip): Promise<PackageLayout> {
  const meta = await readEntry(zip, "meta", 1024);
  let version = 0;
  if (meta) {
    try {
      version = decodePackageMetadata(meta).version;
    } catch {
      throw new PackageError("The package's meta entry is not one Anki writes.");
    }
  }
  if (version >= PACKAGE_VERSION_LATEST || (version === 0 && zip.file("collection.anki21b"))) {
    if (!zip.file("collection.anki21b")) throw new PackageError("The package says it is in Anki's newest layout but has no collection.anki21b.");
    return "anki21b";
  }
  if (zip.file("collection.anki21")) return "anki21";
  if (zip.file("collection.anki2")) return "anki2";
  throw new PackageError("This zip has no Anki collection inside.");
}

/** The media map: JSON {"0": "name.png"} in the legacy layouts, a zstd-compressed protobuf MediaEntries in the newest. */
async function readMediaMap(zip: JSZip, layout: PackageLayout): Promise<PackageMedia[]> {
  const raw = await readEntry(zip, "media", 16 * 1024 * 1024);
  if (!raw || raw.length === 0) return [];
  try {
    if (layout === "anki21b") {
      return decodeMediaEntries(unzstd(raw, 64 * 1024 * 1024)).map((entry, index) => ({
        name: entry.name,
        entry: String(entry.legacyZipFilename ?? index),
      }));
    }
    const map: unknown = JSON.parse(new TextDecoder().decode(raw));
    if (!map || typeof map !== "object") throw new Error("not an object");
    return Object.entries(map).flatMap(([entry, name]) => (typeof name === "string" ? [{ name, entry }] : []));
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError("The package's media list is not readable.");
  }
}

/**
 * Opens an .apkg: picks the collection Anki would (collection.anki21b, else .anki21, else .anki2; packages from
 * 2.1.50 on also hold a placeholder collection.anki2 that must be ignored) and reads the media map.
 */
export async function openPackage(bytes: Uint8Array): Promise<OpenedPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new PackageError("This is not an Anki package (.apkg is a zip file).");
  }
  const layout = await chooseLayout(zip);
  const stored = await readEntry(zip, `collection.${layout}`, MAX_COLLECTION_BYTES);
  if (!stored) throw new PackageError("This zip has no Anki collection inside.");
  const collection = layout === "anki21b" ? unzstd(stored, MAX_COLLECTION_BYTES) : stored;
  return { layout, collection, media: await readMediaMap(zip, layout), zip };
}
