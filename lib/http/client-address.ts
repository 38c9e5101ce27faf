import { readEnv } from "@/lib/env";

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined;

function read(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * The client address per-address limits count against. scripts/serve.mjs rewrites X-Forwarded-For into a
 * chain that ends with the socket address (and drops the client's own entries when no proxy is trusted), so
 * the client is the entry `hops` places before the end: each trusted proxy appended the one before it.
 * Entries further left are whatever the client claimed, so they are never used.
 */
export function clientIp(headers: HeaderSource, hops = readEnv().trustedProxyHops): string {
  const chain = (read(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - hops)] ?? "local";
}

/** The host the browser asked for: X-Forwarded-Host (its first value, set by the outermost proxy) only behind a trusted proxy. */
export function requestHost(headers: HeaderSource, hops = readEnv().trustedProxyHops): string | undefined {
  const forwarded = hops > 0 ? read(headers, "x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || read(headers, "host");
}

/** The scheme the browser used: X-Forwarded-Proto only behind a trusted proxy. */
export function requestProto(headers: HeaderSource, hops = readEnv().trustedProxyHops): string | undefined {
  return hops > 0 ? read(headers, "x-forwarded-proto")?.split(",")[0]?.trim() || undefined : undefined;
}
