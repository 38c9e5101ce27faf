import { sortByHash } from "@/lib/cards/seeded-order";
import type { AlternateFace, GeneratedCard } from "@/lib/generator/types";
import { NUMERIC_ANSWER_TYPES, type Fact, type SourceDocument } from "./schema";

/** A card built from a fact: one scheduled card per fact, its other formats carried as faces. */
export type FactCard = GeneratedCard & { factId: string; status: Fact["status"]; importance: Fact["importance"]; faces: AlternateFace[] };

export type ScheduledFace = "mcq" | "numeric" | "qa";

/** The face a fact is scheduled with: typed numbers, tapped options where there are fair ones, else recall. */
export function scheduledFaceOf(fact: Fact): ScheduledFace {
  if (fact.face) return fact.face;
  if (NUMERIC_ANSWER_TYPES.includes(fact.answer.type)) return "numeric";
  return fact.distractors.length === 3 ? "mcq" : "qa";
}

/** Card ids follow the fact id, not its wording, so correcting a fact updates the card learners already know. */
export const factCardId = (factId: string) => `fact-${factId}`;

function citation(document: SourceDocument): string {
  return `${document.publisher}, "${document.title}" (${document.date})`;
}

/** What the student reads under the answer: background, then any correction or dispute spelled out in words. */
export function explainFact(fact: Fact, documents: ReadonlyMap<string, SourceDocument>): string {
  const parts = [fact.explanation];
  if (fact.status === "corrected") {
    parts.push(`Correction: ${fact.correction.claim} ${fact.correction.reason}`);
  }
  if (fact.status === "disputed") {
    const positions = fact.dispute.positions.map((position) => `${documents.get(position.document)?.publisher ?? position.document}: ${position.says}`);
    parts.push(`Sources differ. ${positions.join(" ")} ${fact.dispute.note}`);
  }
  return parts.filter(Boolean).join(" ").replace(/\s+/g, " ").trim();
}

/** The options of a multiple-choice face in a fixed order; the app reshuffles them each time the card shows. */
export function optionsOf(fact: Fact): string[] {
  return sortByHash([fact.answer.text, ...fact.distractors], fact.id, (option) => option);
}

function toAnkiCloze(cloze: string): string {
  return cloze.replace(/\{\{([^{}]+)\}\}/, "{{c1::$1}}");
}

function alternateFaces(fact: Fact, face: ScheduledFace): AlternateFace[] {
  const faces: AlternateFace[] = [];
  if (face !== "mcq" && fact.distractors.length === 3) faces.push({ kind: "MCQ", prompt: fact.question, answer: fact.answer.text, choices: optionsOf(fact) });
  if (fact.status !== "disputed") {
    faces.push({ kind: "TRUEFALSE", prompt: fact.statement, answer: "True", choices: [] });
    if (fact.falseStatement) faces.push({ kind: "TRUEFALSE", prompt: fact.falseStatement, answer: "False", choices: [] });
  }
  if (fact.cloze) faces.push({ kind: "CLOZE", prompt: toAnkiCloze(fact.cloze), answer: fact.answer.text, choices: [] });
  return faces;
}

/** One fact as its scheduled card, with the source it keeps and the faces the quiz may show instead. */
export function buildFactCard(fact: Fact, documents: ReadonlyMap<string, SourceDocument>): FactCard {
  const face = scheduledFaceOf(fact);
  const primary = fact.sources[0]!;
  const cited = fact.sources.map((source) => documents.get(source.document)).filter((document): document is SourceDocument => document !== undefined);
  return {
    id: factCardId(fact.id),
    factId: fact.id,
    status: fact.status,
    importance: fact.importance,
    kind: face,
    prompt: fact.question,
    answer: fact.answer.text,
    choices: face === "mcq" ? optionsOf(fact) : [],
    explanation: explainFact(fact, documents),
    tolerance: face === "numeric" ? (fact.tolerance ?? 0) : undefined,
    // The topic alone: the dashboard's mastery by topic reads tags.
    tags: [fact.topic],
    source: { document: [...new Set(cited.map(citation))].join("; "), sentence: primary.support.replace(/\s+/g, " ").trim() },
    faces: alternateFaces(fact, face),
  };
}

/**
 * The deck in study order: core facts before details, and topics interleaved so a first session moves between
 * subjects instead of asking about one meeting twenty times in a row.
 */
export function orderFactsForStudy(facts: readonly Fact[]): Fact[] {
  const ordered: Fact[] = [];
  for (const importance of ["core", "detail"] as const) {
    const byTopic = new Map<string, Fact[]>();
    for (const fact of facts) if (fact.importance === importance) byTopic.set(fact.topic, [...(byTopic.get(fact.topic) ?? []), fact]);
    const queues = [...byTopic.values()];
    while (queues.some((queue) => queue.length > 0)) for (const queue of queues) if (queue.length > 0) ordered.push(queue.shift()!);
  }
  return ordered;
}

/** Every fact as its card, in study order. */
export function buildFactDeck(facts: readonly Fact[], documents: readonly SourceDocument[]): FactCard[] {
  const byId = new Map(documents.map((document) => [document.id, document]));
  return orderFactsForStudy(facts).map((fact) => buildFactCard(fact, byId));
}
