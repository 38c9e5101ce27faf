/**
 * React sends a server action's arguments as a JSON array; a string starting with "$" is a reference into the
 * rest of the payload, and a plain-text body has no rest. Only these self-contained ones can appear anywhere
 * ("$$" escapes a literal dollar, "$T" stands for a value the client kept, "$D" a date, "$n" a BigInt).
 */
const SELF_CONTAINED = /^\$(\$|T|D|n|undefined$|NaN$|Infinity$|-Infinity$|-0$)/;
/** `$K<id>`: a FormData argument, sent as the multipart fields named `<id>_…` (there may be none). */
const FORM_DATA = /^\$K[0-9a-f]+$/;
/** `$B<hex>`: a Blob sent as the multipart field named by the number. */
const BLOB = /^\$B([0-9a-f]+)$/;
/** `$<hex>`, `$@<hex>`, `$Q<hex>`, `$W<hex>`, `$i<hex>`, `$h<hex>`: a model sent as another JSON field. */
const OUTLINED = /^\$[@QWih]?([0-9a-f]+)(:|$)/;

// Our actions take a few small objects; a bulk card action at most 10,000 ids. Deeper or larger payloads are
// not ours, and React's decoder answers them with a 500 (recursion, its array limit) rather than a 4xx.
const MAX_DEPTH = 32;
const MAX_ARRAY_LENGTH = 10_000;
const MAX_VALUES = 100_000;

/** The multipart fields of a server action request: each JSON part's text, or "blob" for a file part. */
export type ActionParts = Map<string, string | "blob">;

const MISSING = "The arguments refer to data the request does not contain.";

/**
 * Why a server action body cannot be a call of ours (not JSON, not an argument list, too deep or too large, or
 * pointing at parts it does not have), or null when it is well formed. `parts` holds a multipart body's fields
 * (the arguments are field "0"); a plain-text body has none. Next.js would otherwise fail deep inside the
 * decoder with a 500, or follow a self-reference.
 */
export function serverActionPayloadProblem(text: string, parts?: ActionParts): string | null {
  let values = 0;
  const seen = new Set<string>();
  const check = (json: string, root: boolean): string | null => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return "The request body is not valid JSON.";
    }
    if (root && !Array.isArray(parsed)) return "A server action takes a JSON array of arguments.";
    const pending: [unknown, number][] = [[parsed, 1]];
    while (pending.length > 0) {
      const [value, depth] = pending.pop()!;
      values += 1;
      if (values > MAX_VALUES) return "The arguments hold too many values.";
      if (typeof value === "string" && value.startsWith("$") && !SELF_CONTAINED.test(value)) {
        const problem = referenceProblem(value);
        if (problem) return problem;
      }
      if (value && typeof value === "object") {
        if (depth >= MAX_DEPTH) return "The arguments are nested too deeply.";
        if (Array.isArray(value) && value.length > MAX_ARRAY_LENGTH) return "The arguments hold a list that is too long.";
        for (const child of Object.values(value)) pending.push([child, depth + 1]);
      }
    }
    return null;
  };
  const referenceProblem = (reference: string): string | null => {
    if (!parts) return MISSING;
    if (FORM_DATA.test(reference)) return null;
    const blob = BLOB.exec(reference);
    if (blob) return parts.get(String(parseInt(blob[1]!, 16))) === "blob" ? null : MISSING;
    const outlined = OUTLINED.exec(reference);
    if (!outlined) return MISSING;
    const id = String(parseInt(outlined[1]!, 16));
    const part = parts.get(id);
    if (part === undefined || part === "blob") return MISSING;
    // A part referred to twice, or by itself, is a cycle or a shared value; our actions send neither.
    if (seen.has(id)) return MISSING;
    seen.add(id);
    return check(part, false);
  };
  seen.add("0");
  return check(text, true);
}
