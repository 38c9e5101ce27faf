const PROBE_ORIGIN = "http://same-origin.invalid";

/**
 * `candidate` when it is a path on this site, else `fallback`. Browsers read "/\evil.example" and
 * "//evil.example" as other hosts, so a prefix check alone would leave an open redirect.
 */
export function sameSitePath(candidate: string | undefined, fallback: string): string {
  if (!candidate?.startsWith("/") || /[\\\u0000-\u001f]/.test(candidate)) return fallback;
  const resolved = new URL(candidate, PROBE_ORIGIN);
  return resolved.origin === PROBE_ORIGIN ? `${resolved.pathname}${resolved.search}${resolved.hash}` : fallback;
}
