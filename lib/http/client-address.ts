import { z } from "zod";

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined;

const hopsSchema = z.coerce.number().int().min(0).max(10);

/**
 * TRUSTED_PROXY_HOPS: how many reverse proxies in front of the app each append the address they saw to
 * X-Forwarded-For. 0 (the default) means clients connect straight to the app: the socket address is the
 * client and every X-Forwarded-* header a client sends is ignored.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS;
  if (raw === undefined || raw.trim() === "") return 0;
  const parsed = hopsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${raw}".`);
  return parsed.data;
}

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
export function clientIp(headers: HeaderSource, hops = trustedProxyHops()): string {
  const chain = (read(headers, "x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - hops)] ?? "local";
}

/** The host the browser asked for: X-Forwarded-Host (its first value, set by the outermost proxy) only behind a trusted proxy. */
export function requestHost(headers: HeaderSource, hops = trustedProxyHops()): string | undefined {
  const forwarded = hops > 0 ? read(headers, "x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || read(headers, "host");
}

/** The scheme the browser used: X-Forwarded-Proto only behind a trusted proxy. */
export function requestProto(headers: HeaderSource, hops = trustedProxyHops()): string | undefined {
  return hops > 0 ? read(headers, "x-forwarded-proto")?.split(",")[0]?.trim() || undefined : undefined;
}
