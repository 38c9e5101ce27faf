// Plain JavaScript: scripts/serve.mjs runs with bare Node in production, without a TypeScript loader.

/**
 * Rewrites a request's forwarding headers before Next.js sees them (Next.js only fills X-Forwarded-For
 * from the socket when the client sent none, so a client could otherwise name any address).
 * The chain becomes: the client's X-Forwarded-For (only when proxies are trusted), then the socket address.
 * With no trusted proxy, X-Forwarded-Host/-Proto/-Port and X-Real-IP are dropped, so Next.js derives them
 * from the connection.
 * @param {Record<string, string | string[] | undefined>} headers Node's IncomingMessage headers, changed in place
 * @param {string | undefined} socketAddress
 * @param {number} hops
 */
export function normalizeForwardedHeaders(headers, socketAddress, hops) {
  const claimed = hops > 0 ? headers["x-forwarded-for"] : undefined;
  const entries = (Array.isArray(claimed) ? claimed : claimed ? [claimed] : []).flatMap((value) => value.split(","));
  const socket = (socketAddress ?? "unknown").replace(/^::ffff:/, "");
  headers["x-forwarded-for"] = [...entries.map((entry) => entry.trim()).filter(Boolean), socket].join(", ");
  if (hops === 0) {
    for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"]) delete headers[name];
  }
}
