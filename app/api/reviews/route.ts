import { jsonPostRoute } from "@/lib/http/json-route";
import { singleGradeEndpoint } from "@/lib/study/endpoints";

/** POST /api/reviews: record one grade. In production scripts/serve.mjs answers it without Next.js (lib/http/direct-routes.ts). */
export const POST = jsonPostRoute(singleGradeEndpoint);
