import { jsonRoute } from "@/lib/http/json-route";
import { singleGradeEndpoint } from "@/lib/study/reviews/endpoints";

/** POST /api/reviews: record one grade. scripts/serve.mjs answers it directly in production (lib/http/direct-routes.ts). */
export const POST = jsonRoute(singleGradeEndpoint);
