import type { FactCard } from "./cards";
import { lintFacts, namesItsContext, type LintFinding } from "./lint";
import type { Fact } from "./schema";

export type ShippedDeckReport = {
  facts: number;
  scheduledCards: number;
  cardsPerFact: number;
  /** Faces the quiz can use besides the scheduled one, per fact. */
  alternateFacesPerFact: number;
  cardsByKind: Record<string, number>;
  stemsNamingContext: number;
  stemsWithoutContext: string[];
  corrections: { factId: string; status: "corrected" | "disputed"; shownOnCard: boolean }[];
  lint: LintFinding[];
};

/** Aims the shipped deck is held to; the eval exits non-zero and the unit tests fail when one is missed. */
export const SHIPPED_DECK_TARGETS = { maxCardsPerFact: 1.3, minStemsNamingContext: 1, maxLintFindings: 0 };

/**
 * Measures the shipped deck against the mechanical parts of the rubric: one card per fact, stems that carry their
 * context, every correction spelled out on the card, and a clean rubric lint.
 */
export function evaluateShippedDeck(facts: readonly Fact[], cards: readonly FactCard[]): ShippedDeckReport {
  const cardsByKind: Record<string, number> = {};
  for (const card of cards) cardsByKind[card.kind] = (cardsByKind[card.kind] ?? 0) + 1;
  const cardByFact = new Map(cards.map((card) => [card.factId, card]));
  const withoutContext = facts.filter((fact) => !namesItsContext(fact)).map((fact) => fact.id);
  const corrections = facts.flatMap((fact): ShippedDeckReport["corrections"] => {
    const explanation = cardByFact.get(fact.id)?.explanation ?? "";
    if (fact.status === "corrected") return [{ factId: fact.id, status: fact.status, shownOnCard: explanation.includes(fact.correction.reason) }];
    if (fact.status === "disputed") return [{ factId: fact.id, status: fact.status, shownOnCard: explanation.includes(fact.dispute.note) }];
    return [];
  });
  return {
    facts: facts.length,
    scheduledCards: cards.length,
    cardsPerFact: facts.length === 0 ? 0 : cards.length / facts.length,
    alternateFacesPerFact: facts.length === 0 ? 0 : cards.reduce((sum, card) => sum + card.faces.length, 0) / facts.length,
    cardsByKind,
    stemsNamingContext: facts.length === 0 ? 0 : (facts.length - withoutContext.length) / facts.length,
    stemsWithoutContext: withoutContext,
    corrections,
    lint: lintFacts(facts),
  };
}

/** The report's failures against SHIPPED_DECK_TARGETS, in words; empty when the deck meets every aim. */
export function shippedDeckFailures(report: ShippedDeckReport): string[] {
  const failures: string[] = [];
  if (report.facts === 0) failures.push("the fact base is empty");
  if (report.cardsPerFact > SHIPPED_DECK_TARGETS.maxCardsPerFact) failures.push(`${report.cardsPerFact.toFixed(2)} scheduled cards per fact`);
  if (report.stemsNamingContext < SHIPPED_DECK_TARGETS.minStemsNamingContext) failures.push(`stems without context: ${report.stemsWithoutContext.join(", ")}`);
  const hidden = report.corrections.filter((correction) => !correction.shownOnCard);
  if (hidden.length > 0) failures.push(`corrections not shown on the card: ${hidden.map((correction) => correction.factId).join(", ")}`);
  if (report.lint.length > SHIPPED_DECK_TARGETS.maxLintFindings) failures.push(`${report.lint.length} rubric lint finding(s)`);
  return failures;
}
