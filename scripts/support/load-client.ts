import http from "node:http";
import { gunzipSync } from "node:zlib";

/**
 * The HTTP client of the load generators (benchmarks and the load e2e tests). They run on the same two cores as
 * the server they measure, so the client must cost little: Node's fetch spent 0.9-1.7 ms of CPU per grade request
 * here, node:http over kept-alive connections (as autocannon sends) 0.4-0.6 ms, beside the server's 2.6 ms.
 */
const agent = new http.Agent({ keepAlive: true });

export type LoadAnswer = { status: number; body: Buffer; headers: http.IncomingHttpHeaders };

/**
 * One request, answered or not: null when no answer came (connection refused or reset, as when the server is
 * killed). A phone's Accept-Encoding is sent, so the server compresses what it would compress for a phone.
 */
export function send(url: string, options: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string } = {}): Promise<LoadAnswer | null> {
  return new Promise((resolve) => {
    const request = http.request(
      url,
      { method: options.method ?? "GET", agent, headers: { "accept-encoding": "gzip, deflate", ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), headers: response.headers }));
        response.on("error", () => resolve(null));
      },
    );
    request.on("error", () => resolve(null));
    request.end(options.body);
  });
}

/** The answer's JSON body, unzipped if the server compressed it; null if it is not JSON. */
export function readJson<T>(answer: LoadAnswer): T | null {
  try {
    const text = answer.headers["content-encoding"] === "gzip" ? gunzipSync(answer.body).toString("utf8") : answer.body.toString("utf8");
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
