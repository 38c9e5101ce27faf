import type { IncomingMessage, ServerResponse } from "node:http";
export const DEFAULT_BODY_CAP: number;
export function bodyCap(url: string): number;
export function capBody(request: IncomingMessage, response: ServerResponse): Promise<IncomingMessage | null>;
