/**
 * A faster stand-in for compromise's `bulkMatch`, the step of its post-tagger that picks which of
 * its ~570 tagging patterns to try on each clause. compromise 14.17 walks all ~730 pattern hooks
 * for every clause to see which the clause contains; this looks up the clause's own words and tags
 * instead (a few dozen), then keeps the hooks in compromise's order, so the same patterns run in the
 * same order and tag the same way. On a megabyte of text that lookup was a sixth of the parse.
 */

type Pattern = {
  match: string;
  needs: readonly string[];
  wants: readonly string[];
  minWant: number;
  minWords: number;
  ifNo?: readonly string[];
};
type Net = { hooks: Readonly<Record<string, readonly Pattern[]>>; always: readonly Pattern[] };
type Found = Pattern & { pointer: number[] };
type MatchMethods = {
  one: {
    cacheDoc: (document: readonly unknown[][]) => ReadonlySet<string>[];
    match: (docs: readonly unknown[][], pattern: Pattern) => { ptrs: number[][] };
  };
};
type SweepOptions = { matchOne?: boolean };

/**
 * Hooks in the order compromise iterates them (`Object.keys`) with each hook's rank, and patterns
 * numbered by their match text (compromise counts two patterns with one text as one); built once per net.
 */
type RankedHooks = {
  rankOf: ReadonlyMap<string, number>;
  patternsAt: readonly (readonly { pattern: Pattern; id: number }[])[];
  patternCount: number;
};
const rankedHooks = new WeakMap<Net, RankedHooks>();

function rankHooks(net: Net): RankedHooks {
  let ranked = rankedHooks.get(net);
  if (!ranked) {
    const names = Object.keys(net.hooks);
    const ids = new Map<string, number>();
    const patternsAt = names.map((name) =>
      (net.hooks[name] ?? []).map((pattern) => {
        if (!ids.has(pattern.match)) ids.set(pattern.match, ids.size);
        return { pattern, id: ids.get(pattern.match) as number };
      }),
    );
    ranked = { rankOf: new Map(names.map((name, rank) => [name, rank])), patternsAt, patternCount: ids.size };
    rankedHooks.set(net, ranked);
  }
  return ranked;
}

/**
 * The patterns clause number `clause` could match: those hooked on its words and tags, in compromise's
 * order, without repeats. `listedIn` holds, per pattern number, the last clause that listed it.
 */
function hookedPatterns(ranked: RankedHooks, haves: ReadonlySet<string>, clause: number, listedIn: Int32Array): Pattern[] {
  const hooked: number[] = [];
  for (const item of haves) {
    const rank = ranked.rankOf.get(item);
    if (rank !== undefined) hooked.push(rank);
  }
  hooked.sort((a, b) => a - b);
  const patterns: Pattern[] = [];
  for (const rank of hooked) {
    for (const { pattern, id } of ranked.patternsAt[rank] ?? []) {
      if (listedIn[id] === clause) continue;
      listedIn[id] = clause;
      patterns.push(pattern);
    }
  }
  return patterns;
}

/** Whether a clause meets a pattern's stated needs, exclusions, wants and length (compromise's trim-down). */
function isWorthTrying(pattern: Pattern, haves: ReadonlySet<string>, termCount: number): boolean {
  if (!pattern.needs.every((need) => haves.has(need))) return false;
  if (pattern.ifNo !== undefined && pattern.ifNo.some((no) => haves.has(no))) return false;
  if (pattern.wants.length > 0 && pattern.wants.filter((want) => haves.has(want)).length < pattern.minWant) return false;
  return termCount >= pattern.minWords;
}

/** Same signature and results as compromise's `methods.one.bulkMatch`: every match of every worthwhile pattern, clause by clause. */
export function bulkMatch(document: readonly unknown[][], net: Net, methods: MatchMethods, opts: SweepOptions = {}): Found[] {
  const ranked = rankHooks(net);
  const caches = methods.one.cacheDoc(document);
  const listedIn = new Int32Array(ranked.patternCount).fill(-1);
  const results: Found[] = [];
  for (const [n, clause] of document.entries()) {
    const haves = caches[n] as ReadonlySet<string>;
    const hooked = hookedPatterns(ranked, haves, n, listedIn).filter((pattern) => isWorthTrying(pattern, haves, clause.length));
    for (const pattern of [...hooked, ...net.always.filter((always) => clause.length >= always.minWords)]) {
      const { ptrs } = methods.one.match([clause], pattern);
      for (const ptr of ptrs) {
        ptr[0] = n;
        results.push({ ...pattern, pointer: ptr });
      }
      if (ptrs.length > 0 && opts.matchOne === true) return results.slice(0, 1);
    }
  }
  return results;
}
