import type { IncomingMessage, ServerResponse } from "node:http";
export function proxyToSocket(socketPath: string): (request: IncomingMessage, response: ServerResponse) => void;
