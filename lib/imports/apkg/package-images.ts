import { createHash } from "node:crypto";
import { MAX_IMAGE_BYTES, MAX_IMPORT_IMAGE_BYTES, sniffImageType, type ImageType } from "@/lib/media/image-type";
import { inflateWithLimit, PackageError, unzstd, type OpenedPackage } from "./open-package";

/** An image a package's cards show, ready to store: its sniffed type, never the one its name claims. */
export type PackageImage = { name: string; sha256: string; mimeType: ImageType; bytes: Uint8Array };

export type ImageSkipReason = "missing" | "tooLarge" | "unsupported" | "overImportCap";
export type SkippedImage = { name: string; reason: ImageSkipReason };

/** One media file's bytes, "tooLarge", or null when the package lacks it; in the newest layout each is zstd-compressed. */
async function readMediaFile(opened: OpenedPackage, entry: string): Promise<Uint8Array | "tooLarge" | null> {
  const file = opened.zip.file(entry);
  if (!file) return null;
  // A zstd frame of an image barely smaller than the image, plus headers: twice the cap is never a legal file.
  const raw = await inflateWithLimit(file, opened.layout === "anki21b" ? 2 * MAX_IMAGE_BYTES : MAX_IMAGE_BYTES);
  if (!raw) return "tooLarge";
  if (opened.layout !== "anki21b") return raw;
  try {
    return unzstd(raw, MAX_IMAGE_BYTES);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    // Past the cap once unpacked, or damaged: no image either way, and a damaged one is of no type we take.
    return error.message.includes("larger") ? "tooLarge" : new Uint8Array();
  }
}

/**
 * Reads the images the notes refer to, within the caps: each at most 1 MB, all of them at most 20 MB; PNG, JPEG,
 * GIF and WebP only, by their bytes. Every name is either returned or skipped with its reason.
 */
export async function readPackageImages(opened: OpenedPackage, names: string[]): Promise<{ images: PackageImage[]; skipped: SkippedImage[] }> {
  const entryOf = new Map(opened.media.map((media) => [media.name, media.entry]));
  const images: PackageImage[] = [];
  const skipped: SkippedImage[] = [];
  let total = 0;
  for (const name of [...new Set(names)]) {
    const entry = entryOf.get(name);
    const bytes = entry === undefined ? null : await readMediaFile(opened, entry);
    if (bytes === null) {
      skipped.push({ name, reason: "missing" });
    } else if (bytes === "tooLarge") {
      skipped.push({ name, reason: "tooLarge" });
    } else {
      const mimeType = sniffImageType(bytes);
      if (!mimeType) skipped.push({ name, reason: "unsupported" });
      else if (total + bytes.length > MAX_IMPORT_IMAGE_BYTES) skipped.push({ name, reason: "overImportCap" });
      else {
        total += bytes.length;
        images.push({ name, sha256: createHash("sha256").update(bytes).digest("hex"), mimeType, bytes });
      }
    }
  }
  return { images, skipped };
}
