import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { refuse, unauthenticated } from "@/lib/http/json-route";
import { withOutage } from "@/lib/http/outage";
import { findViewableImage } from "@/lib/media/data";

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * GET: a card's image, for anyone who may study a deck holding it. The type is the one sniffed at import; the
 * address is the hash of the bytes, so the answer never changes and is cached for a year (privately: it needs
 * the session). next.config.ts adds the API's `default-src 'none'` policy.
 */
async function get(_request: Request, context: { params: Promise<{ sha256: string }> }) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const sha256 = sha256Schema.safeParse((await context.params).sha256);
  if (!sha256.success) return refuse("not_found", "No such image.");
  const image = await findViewableImage(getDb(), user.id, sha256.data);
  if (!image) return refuse("not_found", "No such image.");
  return new Response(Buffer.from(image.bytes), {
    headers: {
      "Content-Type": image.mimeType,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=31536000, immutable",
      ETag: `"${sha256.data}"`,
      "Content-Disposition": "inline",
    },
  });
}

export const GET = withOutage(get);
