/**
 * React sends a server action's arguments as a JSON array; a string starting with "$" is a reference into the
 * rest of the payload, and a plain-text body has no rest. Only these self-contained ones can appear in it
 * ("$$" escapes a literal dollar, "$T" stands for a value the client kept, "$D" a date, "$n" a BigInt).
 */
const SELF_CONTAINED = /^\$(\$|T|D|n|undefined$|NaN$|Infinity$|-Infinity$|-0$)/;

/**
 * Why a plain-text server action body cannot be a call of ours (not JSON, not an argument list, or pointing
 * at chunks it does not have), or null when it is well formed. Next.js would otherwise fail deep inside the
 * decoder with a 500, or follow a self-reference.
 */
export function serverActionPayloadProblem(text: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "The request body is not valid JSON.";
  }
  if (!Array.isArray(parsed)) return "A server action takes a JSON array of arguments.";
  const pending: unknown[] = [parsed];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === "string" && value.startsWith("$") && !SELF_CONTAINED.test(value)) return "The arguments refer to data the request does not contain.";
    if (value && typeof value === "object") pending.push(...Object.values(value));
  }
  return null;
}
