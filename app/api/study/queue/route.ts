import { jsonGetRoute } from "@/lib/http/json-route";
import { studyQueueEndpoint } from "@/lib/study/endpoints";

export const dynamic = "force-dynamic";

/** GET /api/study/queue?deck=ID: the cards to study now. In production scripts/serve.mjs answers it without Next.js (lib/http/direct-routes.ts). */
export const GET = jsonGetRoute(studyQueueEndpoint);
