import { jsonPostRoute } from "@/lib/http/json-route";
import { reviewSyncEndpoint } from "@/lib/study/endpoints";

/** POST /api/reviews/sync: save a batch of device reviews. In production scripts/serve.mjs answers it without Next.js (lib/http/direct-routes.ts). */
export const POST = jsonPostRoute(reviewSyncEndpoint);
