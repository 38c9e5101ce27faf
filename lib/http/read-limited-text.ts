/** A request body read as text, or "too_large" as soon as it passes `maxBytes` (Content-Length may be absent or false). */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string | "too_large"> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return "too_large";
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    total += part.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return "too_large";
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
