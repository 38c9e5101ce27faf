/**
 * Download headers for a generated file. The name comes from user text (a deck or class name), so the plain
 * `filename` keeps only safe ASCII and the exact name travels percent-encoded in `filename*`.
 */
export function attachmentHeaders(fileName: string, contentType: string): HeadersInit {
  const ascii = fileName.replace(/[^A-Za-z0-9 ._-]/g, "_").slice(0, 120) || "download";
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "Cache-Control": "private, no-store",
  };
}
