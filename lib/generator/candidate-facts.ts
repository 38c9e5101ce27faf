import { buildFactCard, type FactCard } from "@/lib/facts/cards";
import { foldWords, lintFacts, namesItsContext } from "@/lib/facts/lint";
import { NUMERIC_ANSWER_TYPES, type AnswerType, type Fact, type SourceDocument } from "@/lib/facts/schema";
import { analyzeDocument } from "./analyze";
import { framePhrase, hasDateline, isMeetingFrame, type ContextFrame } from "./context-frame";
import { buildDistractorPool } from "./distractors";
import { checkAgainstFactBase, compileMentions, findFactBaseMatches, foldSentence, type FactBaseFlag } from "./fact-base-check";
import { MEMBER_STATES } from "./gazetteer-data";
import { buildGazetteerFacts } from "./gazetteer-facts";
import { generateCandidates as generateSentenceCards, type CandidateCard } from "./make-cards";
import { PASTED_ARTICLE, pastedArticleDocument } from "./pasted-article";
import { findCandidateWeakness } from "./candidate-strength";
import { findSentenceProblem } from "./quality";
import { computeStableId } from "./stable-id";
import { pickTypedDistractors } from "./typed-distractors";
import type { AnalyzedSentence, MentionType, SourceDocumentInput } from "./types";

/** One candidate for the teacher: a card built from a fact, where it came from, and why it may be wrong. */
export type ArticleCandidate = {
  card: FactCard;
  fact: Fact;
  origin: "fact-base" | "reference" | "article";
  score: number;
  flag?: FactBaseFlag;
  /** For a verified fact: the article's sentence that restates or names it, beside the fact's own sources. */
  mentionedIn?: string;
};

/** A candidate kept out of the main list, with the reason a teacher reads beside it. */
export type WeakerCandidate = ArticleCandidate & { weakness: string };

/**
 * The main list a teacher picks from, best first; weaker cards from the article's sentences, still there to
 * rescue by hand; and how many sentence cards failed the rubric lint outright.
 */
export type ArticleCandidates = { frame: ContextFrame; candidates: ArticleCandidate[]; weaker: WeakerCandidate[]; rejected: number };

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
/** Background the article names (a Secretary General, an enlargement, a summit): verified, but not its news. */
const REFERENCE_BONUS = 60;
const MAX_PER_SENTENCE = 2;
// Blanks any NATO article fills the same way: the rubric's "long-term support for {{Ukraine}}".
const STOCK_ANSWERS = new Set([
  "ukraine",
  "russia",
  "nato",
  "europe",
  "european union",
  "united states",
  "alliance",
  "allies",
  "eu",
  "us",
  "usa",
  "kyiv",
  "moscow",
]);

// After the frame an ordinary first word loses its capital; anything else (a name: "Stockholm", "NATO") keeps it.
const ORDINARY_OPENERS = new Set(
  (
    "the a an in on at as it its this these those that there what which who whom whose when where how why during after before since by for " +
    "with under according allies ministers leaders every each all some many most both their his her they he she one two three several " +
    "further also however meanwhile today yesterday defence foreign ministers heads member members countries"
  ).split(" "),
);
const lowerFirst = (text: string) => {
  const first = /^[\p{L}'’-]+/u.exec(text)?.[0] ?? "";
  return ORDINARY_OPENERS.has(first.toLowerCase()) && first !== first.toUpperCase() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
};

/** Gives a stem the article's frame when it does not name its own event, date or place. */
/**
 * How an article places its sentences: at a meeting ("At the NATO summit in Vilnius (11 July 2023), …"), as a
 * meeting's own declaration, every line of which is the meeting speaking, or as a reference entry on a topic with
 * no dateline ("North Atlantic Treaty — Article 13 …"), which dates nothing.
 */
type Framing = { frame: ContextFrame; declaration: boolean; topicOnly: boolean };

function framed(question: string, framing: Framing, probe: Omit<Fact, "question">, spokenThere: boolean): string {
  if (namesItsContext({ ...probe, question } as Fact)) return question;
  // A stem that dates itself ("in April 2023") stands alone, and the frame would wrongly place it at the event;
  // but a decision the meeting took ("allies endorsed a concept replacing the 2010 one") is the meeting's.
  if (/\b(19|20)\d{2}\b/.test(question) && !decidedAt(framing.frame, probe.statement)) return question;
  if (framing.topicOnly) return `${framing.frame.event} — ${question}`;
  // What the principal says at the event's press conference is said at the event.
  const atTheEvent = spokenThere || framing.declaration || isAboutTheEvent(probe.statement, framing.frame);
  return `${framePhrase(framing.frame, atTheEvent)}, ${lowerFirst(question)}`;
}

// "Allies agreed …", "ministers launched …": a decision is news of the meeting the article reports.
const DECISION =
  /\b(allies|leaders|ministers|heads of state and government)\b[^.;]{0,40}?\b(agreed|agree|decided|adopted|committed|pledged|endorsed|launched|established|invited|welcomed|reaffirmed|approved|set up|announced)\b/i;

/** Whether the sentence reports a decision of the meeting the article is about. */
const decidedAt = (frame: ContextFrame, sentence: string) => isMeetingFrame(frame) && DECISION.test(sentence);

/** Whether a sentence reports the frame's meeting itself: it names the place, the meeting and its people, or a decision. */
function isAboutTheEvent(sentence: string, frame: ContextFrame): boolean {
  const place = frame.place ? new RegExp(`\\b${frame.place.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i") : undefined;
  return (
    (place?.test(sentence) ?? false) ||
    /\b(summit|ministers|meeting|leaders|declaration|communiqu[eé]|heads of state)(?!\p{L})/iu.test(sentence) ||
    DECISION.test(sentence)
  );
}

const SPEAKER_LINE = /^\s*([\p{Lu}][\p{Lu} .'’-]{2,60}?)(?:\s*\(([^)]{1,60})\))?:\s+/u;

/**
 * A transcript with labels at the start of lines ("MODERATOR: …", "ANNA LINDQVIST (Nordic Wire): …") is laid out
 * as the cleaner reads transcripts: each label on its own line, so it keeps the principal's answers, attributed to
 * them, and drops the moderator's and reporters' lines.
 */
function labelsOnTheirOwnLines(text: string): string {
  const lines = text.split("\n");
  if (lines.filter((line) => SPEAKER_LINE.test(line)).length < 3) return text;
  let speaker: string | undefined;
  return lines
    .map((line) => {
      const label = SPEAKER_LINE.exec(line);
      // An answer runs on over paragraphs until the next label: they are the same speaker's words.
      if (!label) return speaker ? inThirdPerson(line, speaker) : line;
      // "NATO SECRETARY GENERAL MARK RUTTE" is Mark Rutte: a long label is a title before a name.
      const words = label[1]!.trim().split(/\s+/);
      const name = (words.length > 3 ? words.slice(-2) : words)
        .join(" ")
        .toLowerCase()
        .replace(/(^|[\s'’-])\p{L}/gu, (letter) => letter.toUpperCase());
      speaker = name;
      return `${name}${label[2] ? ` (${label[2]})` : ""}\n${inThirdPerson(line.slice(label[0].length), name)}`;
    })
    .join("\n");
}

/** Outside quotations, the allies' "we" told as "allies": "We reaffirm our commitment" → "Allies reaffirm their commitment". */
function weAsAllies(text: string, firstPerson: (part: string) => string = (part) => part): string {
  return text
    .split(/(["“][^"”]*["”])/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : firstPerson(part)
            .replace(/\bour Alliance\b/g, "the Alliance")
            .replace(/\bWe\b/g, "Allies")
            .replace(/\bwe\b/g, "allies")
            .replace(/\bOur\b/g, "Their")
            .replace(/\bour\b/g, "their")
            .replace(/\bourselves\b/g, "themselves")
            .replace(/\bus\b/g, "them"),
    )
    .join("");
}

/**
 * A speaker's line told in the third person outside quotations, so a card can state it: "my proposal" becomes
 * "Mark Rutte's proposal", the allies' "we" becomes "allies", and the spoken "Today," or "So," opening goes.
 * "I" stays: a verb after it would need rewriting too, so such lines remain first person and are kept apart.
 */
function inThirdPerson(line: string, speaker: string): string {
  return weAsAllies(line, (part) =>
    part
      .replace(/(^|[.!?]\s+)(?:Today|So|Well|And|Now|Look),?\s+(\p{L})/gu, (_, start: string, letter: string) => `${start}${letter.toUpperCase()}`)
      .replace(/\b[Mm]y\b/g, `${speaker}'s`),
  );
}

const DECLARATION = /\b(declaration|communiqu[eé]|statement)(?!\p{L})/iu;

const hasNumberedParagraphs = (text: string) => (text.match(/^\s*\d{1,2}\.\s+\p{Lu}/gmu) ?? []).length >= 3;

/**
 * Undoes the page's layout before sentences are read: paragraph numbers ("3. Allies agree…"), bullets, footnote
 * marks and datelines ("WASHINGTON — ") go, and a declaration's "we" becomes the allies outside quotations, since
 * "we" is nobody to a student.
 */
export function prepareArticleText(text: string, frame: ContextFrame): string {
  const unlaidOut = labelsOnTheirOwnLines(text)
    .replace(/\[(?:\d{1,3}|citation needed)\]/g, "")
    .replace(/^\s*\d{1,3}[.)]\s+(?=\p{Lu})/gmu, "")
    .replace(/^\s*[-•*·–]\s+/gm, "")
    .replace(/^\s*\p{Lu}[\p{Lu} .'’-]{2,30}(?:\s*\([^)]{1,40}\))?\s+[—–-]\s+/gmu, "");
  return hasNumberedParagraphs(text) || DECLARATION.test(frame.event) ? weAsAllies(unlaidOut) : unlaidOut;
}

function valueOf(text: string): number | undefined {
  const digits = /\d+(?:[.,]\d+)?/.exec(text.replace(/,(?=\d{3})/g, ""))?.[0];
  return digits === undefined ? undefined : Number(digits.replace(",", "."));
}

/** The answer a sentence's cards about one mention ask for: the question's, else the mention itself. */
function answerTextOf(group: readonly CandidateCard[]): string {
  const asked = group.find((candidate) => candidate.card.kind === "qa") ?? group.find((candidate) => candidate.card.kind === "mcq");
  return asked?.card.answer ?? group[0]!.mention.text;
}

/** One sentence's cards about one mention, merged into the fact they all restate. */
function toFact(group: CandidateCard[], framing: Framing, document: string, siblingAnswers: readonly string[]): Fact | undefined {
  const { frame } = framing;
  const { sentence, mention } = group[0]!;
  const type = ANSWER_TYPE[mention.type];
  if (!type) return undefined;
  const byKind = new Map(group.map((candidate) => [candidate.card.kind, candidate.card]));
  const asked = byKind.get("qa") ?? byKind.get("mcq");
  const numeric = byKind.get("numeric");
  const question = asked?.prompt ?? numeric?.prompt;
  if (!question) return undefined;
  const answerText = answerTextOf(group);
  const choices = byKind.get("mcq")?.choices ?? [];
  const falseCard = group.find((candidate) => candidate.card.kind === "truefalse" && candidate.card.answer === "False")?.card;
  const clozeCard = byKind.get("cloze");
  const statement = sentence.speaker ? `${sentence.speaker}: ${sentence.text}` : sentence.text;
  // A sentence that dates itself ("joined on 4 April 2023") is about that year, not the article's event.
  const ownYear = /\b(19|20)\d{2}\b/.exec(sentence.text)?.[0];
  const date = ownYear && !frame.date?.startsWith(ownYear) && !decidedAt(frame, sentence.text) ? ownYear : frame.date;
  const context = { event: frame.event, ...(frame.place ? { place: frame.place } : {}), ...(date ? { date } : {}) };
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
    distractors: [] as string[],
    ...(falseCard ? { falseStatement: falseCard.prompt } : {}),
    ...(clozeCard ? { cloze: clozeCard.prompt.replace(/\{\{c\d+::([^}]*?)(?:::[^}]*)?\}\}/, "{{$1}}") } : {}),
    explanation: "",
    importance: "core" as const,
    validAsOf: frame.date?.slice(0, 10) ?? "2025",
    sources: [{ document: PASTED_ARTICLE, support: sentence.original }],
    status: "confirmed" as const,
  };
  // A blanked line of a transcript says who said it as a clause, not as a script label.
  const attributed = (numeric && !asked ? numeric.prompt.replace("___", "what") : question).replace(
    /^([^:]{3,60}): (\p{Lu})/u,
    (_, name: string, letter: string) => `According to ${name}, ${letter.toLowerCase()}`,
  );
  const finalQuestion = framed(attributed, framing, probe, sentence.speaker !== undefined);
  return { ...probe, question: finalQuestion, distractors: chooseDistractors(probe, finalQuestion, choices, siblingAnswers) } as Fact;
}

/**
 * Options from the typed gazetteer first (same office and nationality, summit cities, nearby years); the
 * article's own same-type mentions only when the gazetteer does not know the answer. Never an answer of another
 * candidate from the same article, which may be true for this question too.
 */
function chooseDistractors(probe: Omit<Fact, "question">, question: string, choices: readonly string[], siblingAnswers: readonly string[]): string[] {
  const exclude = [...probe.answer.accept, ...siblingAnswers.filter((answer) => foldWords(answer) !== foldWords(probe.answer.text))];
  const typed = pickTypedDistractors({ answer: probe.answer.text, answerType: probe.answer.type, stem: question, seed: probe.id, exclude });
  if (typed.length === 3) return typed;
  const fromArticle = choices.filter((choice) => choice !== probe.answer.text && !exclude.some((other) => foldWords(other) === foldWords(choice)));
  return choices.length === 4 && fromArticle.length === 3 ? fromArticle : [];
}

function groupByMention(cards: Iterable<CandidateCard>): CandidateCard[][] {
  const groups = new Map<string, CandidateCard[]>();
  for (const candidate of cards) groups.set(candidate.mention.key, [...(groups.get(candidate.mention.key) ?? []), candidate]);
  return [...groups.values()];
}

const isSummit = (event: string) => /\bsummit\b/i.test(event);

/**
 * The frame checked against the fact base: when the base records a summit in the same place and year on other
 * days (an article putting the Hague summit in July), the base's dates win, so no stem repeats the article's
 * error. Only summits: a city hosts one a year at most, while Brussels hosts many ministerial meetings.
 */
export function reconcileFrame(frame: ContextFrame, facts: readonly Fact[]): ContextFrame {
  if (!frame.place || !frame.date) return frame;
  const place = foldWords(frame.place.replace(/^The /, ""));
  const year = frame.date.slice(0, 4);
  if (!isSummit(frame.event)) return frame;
  const recorded = facts
    .map((fact) => fact.context)
    .filter((context) => context.date?.startsWith(year) && /^\d{4}-\d{2}-\d{2}/.test(context.date) && isSummit(context.event))
    .filter((context) => foldWords(`${context.place ?? ""} ${context.event}`).includes(place));
  const dates = new Map<string, number>();
  for (const context of recorded) dates.set(context.date!, (dates.get(context.date!) ?? 0) + 1);
  const [date] = [...dates].sort((a, b) => b[1] - a[1])[0] ?? [];
  return date && !date.startsWith(frame.date.slice(0, 7)) ? { ...frame, date } : frame;
}

const ACCESSION_WORDS = /\b(join|joined|joins|accession|member)\b/i;

/** Gazetteer facts an article names, at their first sentence; accessions the fact base already asks about are left to it. */
function findGazetteerMentions(sentences: readonly AnalyzedSentence[], facts: readonly Fact[]): { fact: Fact; position: number }[] {
  const asked = facts.map((fact) => `${fact.question} ${fact.answer.text}`).filter((text) => ACCESSION_WORDS.test(text));
  // A plain substring: "Finland's accession" names Finland, which word matching after folding would miss.
  const known = new Set(MEMBER_STATES.filter((state) => asked.some((text) => text.includes(state.name))).map((state) => state.name));
  const folded = sentences.map((sentence) => foldSentence(sentence.text));
  return buildGazetteerFacts(known)
    .map((fact) => {
      const mentioned = compileMentions(fact.mentions ?? []);
      return { fact, position: folded.findIndex(mentioned) };
    })
    .filter(({ position }) => position >= 0)
    .sort((a, b) => a.position - b.position);
}

/**
 * Candidate facts and cards from one article: facts of the shipped fact base the article restates (verified,
 * ranked first), then the article's own sentences made into facts under its context frame, each kept only if
 * the rubric lint passes, one per answer. Any candidate repeating a claim the fact base corrects is flagged
 * with the correction and teaches the record.
 */
export function proposeArticleCandidates(doc: SourceDocumentInput, frame: ContextFrame, reference: ReferenceFacts): ArticleCandidates {
  const documents = new Map([...reference.documents, pastedArticleDocument(doc, frame)].map((document) => [document.id, document]));
  const { sentences } = analyzeDocument({ ...doc, text: prepareArticleText(doc.text, frame) });
  const framing: Framing = {
    frame,
    declaration: isMeetingFrame(frame) && (hasNumberedParagraphs(doc.text) || DECLARATION.test(`${frame.event} ${doc.name}`)),
    topicOnly: !isMeetingFrame(frame) && !hasDateline(doc.text),
  };
  const pool = buildDistractorPool(sentences);
  // Everything the article states as an answer: a distractor equal to one of them may be true for the question.
  const articleAnswers = sentences.flatMap((sentence) => sentence.mentions.map((mention) => mention.text));
  const candidates: ArticleCandidate[] = [];
  const weaker: WeakerCandidate[] = [];
  const answersTaken = new Set<string>();
  let rejected = 0;

  const take = (fact: Fact) => [fact.answer.text, ...fact.answer.accept].forEach((answer) => answersTaken.add(foldWords(answer)));
  for (const match of findFactBaseMatches(sentences, reference.facts, { text: `${frame.event} ${frame.place ?? ""}`, date: frame.date })) {
    const card = buildFactCard(match.fact, documents);
    const mentionedIn = sentences[match.position]!.original;
    candidates.push({
      card,
      fact: match.fact,
      origin: "fact-base",
      score: FACT_BASE_BONUS + (match.fact.importance === "core" ? 10 : 0) - match.position / 1000,
      mentionedIn,
    });
    take(match.fact);
  }
  for (const { fact, position } of findGazetteerMentions(sentences, reference.facts)) {
    // Years repeat across facts (two allies joined in 2009); a name or place answered twice is one fact twice.
    if (!NUMERIC_ANSWER_TYPES.includes(fact.answer.type) && answersTaken.has(foldWords(fact.answer.text))) continue;
    const mentionedIn = sentences[position]!.original;
    candidates.push({
      card: buildFactCard(fact, documents),
      fact,
      origin: "reference",
      score: REFERENCE_BONUS + (fact.importance === "core" ? 10 : 0) - position / 1000,
      mentionedIn,
    });
    take(fact);
  }

  sentences.forEach((sentence, position) => {
    // Any sentence repeating a corrected claim is flagged, however it reads: the teacher keeps the record, not
    // the claim, so its candidate is the corrected fact and no card is made from the sentence itself.
    const flag = checkAgainstFactBase(sentence.text, reference.facts);
    if (flag) {
      const corrected = reference.facts.find((candidate) => candidate.id === flag.factId)!;
      const existing = candidates.find((candidate) => candidate.card.factId === corrected.id);
      if (existing) Object.assign(existing, { flag, score: FACT_BASE_BONUS + 50, mentionedIn: sentence.original });
      else
        candidates.push({
          card: buildFactCard(corrected, documents),
          fact: corrected,
          origin: "fact-base",
          score: FACT_BASE_BONUS + 50,
          flag,
          mentionedIn: sentence.original,
        });
      take(corrected);
      return;
    }
    if (findSentenceProblem(sentence)) return;
    // At most two candidates per sentence, the second kept apart: more would restate one sentence again.
    let kept = 0;
    for (const group of groupByMention(generateSentenceCards(sentence, pool))) {
      if (kept >= MAX_PER_SENTENCE) break;
      // Settled before the fact is built: its options cost a gazetteer search.
      const proposedAnswer = foldWords(answerTextOf(group));
      if (answersTaken.has(proposedAnswer) || STOCK_ANSWERS.has(proposedAnswer)) continue;
      const fact = toFact(group, framing, doc.name, articleAnswers);
      if (!fact) continue;
      const answerKey = foldWords(fact.answer.text);
      if (answersTaken.has(answerKey) || STOCK_ANSWERS.has(answerKey)) continue;
      if (lintFacts([fact]).length > 0) {
        rejected += 1;
        continue;
      }
      answersTaken.add(answerKey);
      // A blanked sentence is weaker than a question, a long stem is harder to read on a phone, and a second card
      // on one sentence teaches less than the first.
      const penalty = (fact.question.includes("___") ? 2 : 0) + kept * 3;
      kept += 1;
      const candidate = { card: buildFactCard(fact, documents), fact, origin: "article" as const, score: WORTH[fact.answer.type] - penalty - position / 1000 };
      // A second card on one sentence gives the first away when both are studied.
      const weakness = findCandidateWeakness(fact) ?? (kept > 1 ? "a second card on the same sentence as a stronger one" : undefined);
      if (weakness) weaker.push({ ...candidate, weakness });
      else candidates.push(candidate);
    }
  });
  const best = (a: ArticleCandidate, b: ArticleCandidate) => b.score - a.score || (a.card.id < b.card.id ? -1 : 1);
  return { frame, candidates: candidates.sort(best), weaker: weaker.sort(best), rejected };
}
