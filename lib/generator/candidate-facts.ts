import { buildFactCard, type FactCard } from "@/lib/facts/cards";
import { foldWords, lintFacts, namesItsContext } from "@/lib/facts/lint";
import type { AnswerType, Fact, SourceDocument } from "@/lib/facts/schema";
import { analyzeDocument } from "./analyze";
import { framePhrase, type ContextFrame } from "./context-frame";
import { buildDistractorPool } from "./distractors";
import { checkAgainstFactBase, findFactBaseMatches, type FactBaseFlag } from "./fact-base-check";
import { generateCandidates as generateSentenceCards, type CandidateCard } from "./make-cards";
import { lookupEntry } from "./gazetteer";
import { findSentenceProblem } from "./quality";
import { computeStableId } from "./stable-id";
import type { MentionType, SourceDocumentInput } from "./types";

/** One candidate for the teacher: a card built from a fact, where it came from, and why it may be wrong. */
export type ArticleCandidate = { card: FactCard; origin: "fact-base" | "article"; score: number; flag?: FactBaseFlag };

export type ArticleCandidates = { frame: ContextFrame; candidates: ArticleCandidate[]; rejected: number };

/** The fact base candidates are checked against: facts and the documents they cite. */
export type ReferenceFacts = { facts: readonly Fact[]; documents: readonly SourceDocument[] };

// Stock noun phrases ("long-term support", "good afternoon") are never worth a card.
const ANSWER_TYPE: Partial<Record<MentionType, AnswerType>> = {
  person: "person",
  city: "place",
  country: "place",
  region: "place",
  organization: "organisation",
  command: "organisation",
  programme: "term",
  term: "term",
  year: "year",
  percentage: "percent",
  money: "money",
  count: "number",
  date: "date",
};

// What a student gains: people in roles, dates and figures with their meaning first, then named things.
const WORTH: Record<AnswerType, number> = { person: 9, date: 9, percent: 9, money: 8, number: 7, year: 8, organisation: 6, term: 6, place: 5 };

/** Cards a fact-base match outranks: a verified fact is worth more than a sentence rewritten by rule. */
const FACT_BASE_BONUS = 100;
// Blanks any NATO article fills the same way: the rubric's "long-term support for {{Ukraine}}".
const STOCK_ANSWERS = new Set(["ukraine", "russia", "nato", "europe", "european union", "united states", "alliance", "allies", "eu", "us", "usa", "kyiv", "moscow"]);
const PASTED_ID = "pasted-article";

// After the frame, a name ("Rubio", "Türkiye", "NATO") keeps its capital and an ordinary first word loses it.
const lowerFirst = (text: string) => {
  const first = /^[\p{L}'’-]+/u.exec(text)?.[0] ?? "";
  const name = first === first.toUpperCase() || lookupEntry(first) !== undefined || /^\p{Lu}[\p{L}'’-]+\s+\p{Lu}/u.test(text);
  return name ? text : text.charAt(0).toLowerCase() + text.slice(1);
};

/** Gives a stem the article's frame when it does not name its own event, date or place. */
function framed(question: string, frame: ContextFrame, probe: Omit<Fact, "question">): string {
  // A stem that dates itself ("in April 2023") stands alone; the frame would wrongly place it at the event.
  if (/\b(19|20)\d{2}\b/.test(question) || namesItsContext({ ...probe, question } as Fact)) return question;
  return `${framePhrase(frame)}, ${lowerFirst(question)}`;
}

function valueOf(text: string): number | undefined {
  const digits = /\d+(?:[.,]\d+)?/.exec(text.replace(/,(?=\d{3})/g, ""))?.[0];
  return digits === undefined ? undefined : Number(digits.replace(",", "."));
}

/** One sentence's cards about one mention, merged into the fact they all restate. */
function toFact(group: CandidateCard[], frame: ContextFrame, document: string): Fact | undefined {
  const { sentence, mention } = group[0]!;
  const type = ANSWER_TYPE[mention.type];
  if (!type) return undefined;
  const byKind = new Map(group.map((candidate) => [candidate.card.kind, candidate.card]));
  const asked = byKind.get("qa") ?? byKind.get("mcq");
  const numeric = byKind.get("numeric");
  const question = asked?.prompt ?? numeric?.prompt;
  if (!question) return undefined;
  const answerText = asked?.answer ?? mention.text;
  const choices = byKind.get("mcq")?.choices ?? [];
  const falseCard = group.find((candidate) => candidate.card.kind === "truefalse" && candidate.card.answer === "False")?.card;
  const clozeCard = byKind.get("cloze");
  const statement = sentence.speaker ? `${sentence.speaker}: ${sentence.text}` : sentence.text;
  const context = { event: frame.event, ...(frame.place ? { place: frame.place } : {}), ...(frame.date ? { date: frame.date } : {}) };
  const probe = {
    id: computeStableId("candidate", [document, sentence.text, mention.key]).replace(/_/g, "-").toLowerCase(),
    topic: "article",
    statement,
    context,
    answer: {
      type,
      text: answerText,
      accept: answerText === mention.text ? [] : [mention.text],
      ...(["year", "percent", "money", "number"].includes(type) ? { value: valueOf(answerText) ?? 0 } : {}),
      ...(type === "person" ? { role: "named in the article", country: "—" } : {}),
    },
    distractors: choices.length === 4 ? choices.filter((choice) => choice !== answerText) : [],
    ...(falseCard ? { falseStatement: falseCard.prompt } : {}),
    ...(clozeCard ? { cloze: clozeCard.prompt.replace(/\{\{c\d+::([^}]*?)(?:::[^}]*)?\}\}/, "{{$1}}") } : {}),
    explanation: "",
    importance: "core" as const,
    validAsOf: frame.date?.slice(0, 10) ?? "2025",
    sources: [{ document: PASTED_ID, support: sentence.original }],
    status: "confirmed" as const,
  };
  return { ...probe, question: framed(numeric && !asked ? numeric.prompt.replace("___", "what") : question, frame, probe) } as Fact;
}

function groupByMention(cards: Iterable<CandidateCard>): CandidateCard[][] {
  const groups = new Map<string, CandidateCard[]>();
  for (const candidate of cards) groups.set(candidate.mention.key, [...(groups.get(candidate.mention.key) ?? []), candidate]);
  return [...groups.values()];
}

/**
 * Candidate facts and cards from one article: facts of the shipped fact base the article restates (verified,
 * ranked first), then the article's own sentences made into facts under its context frame, each kept only if
 * the rubric lint passes, one per answer. Any candidate repeating a claim the fact base corrects is flagged
 * with the correction and teaches the record.
 */
export function proposeArticleCandidates(doc: SourceDocumentInput, frame: ContextFrame, reference: ReferenceFacts): ArticleCandidates {
  const pasted: SourceDocument = { id: PASTED_ID, title: doc.name, publisher: doc.meta?.publisher ?? "Teacher's article", date: doc.meta?.date ?? frame.date ?? "undated", kind: "news report" };
  const documents = new Map([...reference.documents, pasted].map((document) => [document.id, document]));
  const { sentences } = analyzeDocument(doc);
  const pool = buildDistractorPool(sentences);
  const candidates: ArticleCandidate[] = [];
  const answersTaken = new Set<string>();
  let rejected = 0;

  for (const match of findFactBaseMatches(sentences, reference.facts, { text: `${frame.event} ${frame.place ?? ""}`, date: frame.date })) {
    const card = buildFactCard(match.fact, documents);
    candidates.push({ card, origin: "fact-base", score: FACT_BASE_BONUS + (match.fact.importance === "core" ? 10 : 0) - match.position / 1000 });
    answersTaken.add(foldWords(match.fact.answer.text));
  }

  sentences.forEach((sentence, position) => {
    if (findSentenceProblem(sentence)) return;
    const flag = checkAgainstFactBase(sentence.text, reference.facts);
    // One candidate per sentence: its answers restate one fact, and siblings would give each other away.
    let kept = false;
    for (const group of groupByMention(generateSentenceCards(sentence, pool))) {
      if (kept) break;
      const fact = toFact(group, frame, doc.name);
      if (!fact) continue;
      const answerKey = foldWords(fact.answer.text);
      if (answersTaken.has(answerKey) || STOCK_ANSWERS.has(answerKey)) continue;
      if (flag) {
        // The teacher keeps the record, not the article's claim: the flagged candidate is the corrected fact.
        const corrected = reference.facts.find((candidate) => candidate.id === flag.factId)!;
        const existing = candidates.find((candidate) => candidate.card.factId === corrected.id);
        if (existing) Object.assign(existing, { flag, score: FACT_BASE_BONUS + 50 });
        else candidates.push({ card: buildFactCard(corrected, documents), origin: "fact-base", score: FACT_BASE_BONUS + 50, flag });
        answersTaken.add(answerKey);
        continue;
      }
      if (lintFacts([fact]).length > 0) {
        rejected += 1;
        continue;
      }
      answersTaken.add(answerKey);
      kept = true;
      // A blanked sentence is weaker than a question, and a long stem is harder to read on a phone.
      const penalty = (fact.question.includes("___") ? 2 : 0) + (fact.question.length > 200 ? 1 : 0);
      candidates.push({ card: buildFactCard(fact, documents), origin: "article", score: WORTH[fact.answer.type] - penalty - position / 1000 });
    }
  });
  candidates.sort((a, b) => b.score - a.score || (a.card.id < b.card.id ? -1 : 1));
  return { frame, candidates, rejected };
}
