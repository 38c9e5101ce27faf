// Which images a deck may carry, by their first bytes: never by the file name, which an Anki package sets freely.
// SVG is refused because it is a document that can carry script; the four raster formats cannot.

export type ImageType = "image/png" | "image/jpeg" | "image/gif" | "image/webp";

/** The image caps, per file and per import (the bytes stored, after unpacking). */
export const MAX_IMAGE_BYTES = 1024 * 1024;
export const MAX_IMPORT_IMAGE_BYTES = 20 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The sniffed type of a PNG, JPEG, GIF or WebP file, or null for anything else (SVG included). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

/** The file extension Anki expects for a type, for the export's media names. */
export const IMAGE_EXTENSION: Record<ImageType, string> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp" };
