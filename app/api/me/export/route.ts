import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { refuse, unauthenticated } from "@/lib/http/json-route";
import { formatReviewCsv } from "@/lib/portability/csv";
import { findUserSettings } from "@/lib/users/data";
import { listCsvReviews, loadPersonalExport } from "@/lib/portability/data";
import { withOutage } from "@/lib/http/outage";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });

function download(body: string, contentType: string, filename: string): NextResponse {
  return new NextResponse(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Personal data: never kept by a shared cache or the browser's back-forward cache.
      "Cache-Control": "private, no-store",
    },
  });
}

/** The signed-in learner's own data: JSON (settings, card states, reviews) or the review log as FSRS CSV. */
async function get(request: NextRequest) {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  const query = querySchema.safeParse({ format: request.nextUrl.searchParams.get("format") ?? undefined });
  if (!query.success) return refuse("invalid_input", "format must be json or csv.");
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  const db = getDb();
  if (query.data.format === "csv") {
    const [reviews, settings] = await Promise.all([listCsvReviews(db, user.id), findUserSettings(db, user.id)]);
    if (!settings) return unauthenticated();
    return download(formatReviewCsv(reviews, settings), "text/csv; charset=utf-8", `alliance-recall-reviews-${day}.csv`);
  }
  const data = await loadPersonalExport(db, user.id, now);
  if (!data) return unauthenticated();
  return download(JSON.stringify(data, null, 2), "application/json; charset=utf-8", `alliance-recall-export-${day}.json`);
}

export const GET = withOutage(get);
