export function normalizeForwardedHeaders(headers: Record<string, string | string[] | undefined>, socketAddress: string | undefined, hops: number): void;
