// Pure and free of Node built-ins, so the study screen can order options the same way on the server and the client.
const FNV_OFFSET = 0x811c9dc5;

/** Cheap deterministic 32-bit hash (FNV-1a) for ordering choices without Math.random; `basis` continues an earlier hash. */
export function hashString(text: string, basis = FNV_OFFSET): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Orders items by a seeded hash so picks look shuffled yet never change between runs. */
export function sortByHash<T>(items: readonly T[], seed: string, keyOf: (item: T) => string): T[] {
  const seeded = hashString(`${seed}\u241f`);
  return items
    .map((item) => ({ item, rank: hashString(keyOf(item), seeded), key: keyOf(item) }))
    .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}
