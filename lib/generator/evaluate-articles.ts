import { foldWords, lintFacts, type LintFinding } from "@/lib/facts/lint";
import type { ArticleCandidate, ArticleCandidates } from "./candidate-facts";

/** A key fact a student should get from a dev-set article, with the answer strings a card about it would show. */
export type KeyFact = { id: string; keywords: string[] };

export type ArticleReport = { covered: string[]; missed: string[]; coverage: number; topLint: LintFinding[]; flagged: number };

/** How many candidates the rubric lint reads per article: the ones a teacher sees first. */
export const TOP_CANDIDATES = 20;

/** Whether a candidate asks for the key fact: one of its keywords is, or is inside, the card's answer. */
function asksFor(candidate: ArticleCandidate, fact: KeyFact): boolean {
  const answers = [candidate.card.answer, ...candidate.fact.answer.accept].map(foldWords);
  return fact.keywords.some((keyword) => {
    const folded = foldWords(keyword);
    return folded.length > 0 && answers.some((answer) => answer === folded || ` ${answer} `.includes(` ${folded} `) || ` ${folded} `.includes(` ${answer} `));
  });
}

/**
 * Coverage of an article's key facts by all its candidates, the weaker ones a teacher can still rescue included,
 * and the rubric lint of the top of the main list.
 */
export function evaluateArticle({ candidates, weaker }: Pick<ArticleCandidates, "candidates" | "weaker">, keyFacts: readonly KeyFact[]): ArticleReport {
  const all = [...candidates, ...weaker];
  const covered = keyFacts.filter((fact) => all.some((candidate) => asksFor(candidate, fact))).map((fact) => fact.id);
  const missed = keyFacts.map((fact) => fact.id).filter((id) => !covered.includes(id));
  return {
    covered,
    missed,
    coverage: keyFacts.length === 0 ? 1 : covered.length / keyFacts.length,
    topLint: lintFacts(candidates.slice(0, TOP_CANDIDATES).map((candidate) => candidate.fact)),
    flagged: candidates.filter((candidate) => candidate.flag).length,
  };
}
