import { jsonRoute } from "@/lib/http/json-route";
import { reviewSyncEndpoint } from "@/lib/study/reviews/endpoints";

/** POST /api/reviews/sync: save a batch of device reviews. scripts/serve.mjs answers it directly in production (lib/http/direct-routes.ts). */
export const POST = jsonRoute(reviewSyncEndpoint);
