import { pickDistractors, type DistractorPool } from "./distractors";
import { buildQuestion, replaceSpan } from "./questions";
import { capitalizeFirst } from "./normalize";
import { hashString, sortByHash } from "@/lib/cards/seeded-order";
import { computeStableId } from "./stable-id";
import { assignTags } from "./tags";
import type { AnalyzedSentence, CardKind, GeneratedCard, Mention, MentionType } from "./types";

/** A card before quality rules, with the mention it asks about. */
export type CandidateCard = { card: GeneratedCard; mention: Mention; sentence: AnalyzedSentence };

// Preferred card kinds per answer type: figures suit numeric recall, names suit questions and choices.
const KINDS_BY_TYPE: Readonly<Record<MentionType, readonly CardKind[]>> = {
  person: ["qa", "mcq", "cloze", "truefalse"],
  city: ["qa", "mcq", "cloze", "truefalse"],
  country: ["qa", "mcq", "cloze", "truefalse"],
  region: ["mcq", "cloze", "qa", "truefalse"],
  organization: ["mcq", "cloze", "qa", "truefalse"],
  command: ["mcq", "cloze", "qa", "truefalse"],
  programme: ["mcq", "cloze", "qa", "truefalse"],
  // Swapping one concept for another ("contribution to eastern flank") makes a statement absurd, not false.
  term: ["cloze", "mcq"],
  phrase: ["cloze"],
  year: ["numeric", "qa", "mcq", "cloze", "truefalse"],
  percentage: ["numeric", "cloze", "mcq", "qa", "truefalse"],
  count: ["numeric", "qa", "cloze", "mcq", "truefalse"],
  money: ["numeric", "mcq", "cloze", "qa", "truefalse"],
  date: ["qa", "mcq", "cloze", "truefalse"],
};

// Figures, dates and named actors are what students are examined on; generic noun phrases come last.
const IMPORTANCE: Readonly<Record<MentionType, number>> = {
  date: 9,
  percentage: 9,
  money: 9,
  year: 8,
  count: 8,
  person: 8,
  programme: 8,
  command: 8,
  term: 6,
  city: 6,
  country: 5,
  region: 5,
  organization: 5,
  phrase: 1,
};

const TOLERANCE: Partial<Record<MentionType, number>> = { year: 0, count: 0, money: 0, percentage: 0.1 };

// Spoken "we" and "you" only make sense as a quotation; a question rephrasing them loses who is meant.
const SPOKEN_PERSON = /\b(?:I|we|our|us|my|me|you|your|I'm|we're|I've|we've|we'll|I'll|you're)\b/i;

/** Press-conference lines are claims of the principal, so the card names who said them. */
function attribute(sentence: AnalyzedSentence, statement: string): string {
  return sentence.speaker ? `${sentence.speaker}: ${statement}` : statement;
}

function attributeQuestion(sentence: AnalyzedSentence, question: string): string | undefined {
  if (!sentence.speaker) return question;
  if (SPOKEN_PERSON.test(sentence.text)) return undefined;
  const opener = /^(?:Who|Whose|Where|When|Which|What|How|In|By|On|Since|Until|From)\b/.test(question);
  return `According to ${sentence.speaker}, ${opener ? question.charAt(0).toLowerCase() + question.slice(1) : question}`;
}

/** What the card builders need about one mention; the question and distractors are computed at most once. */
type Subject = { sentence: AnalyzedSentence; mention: Mention; question: () => string | undefined; distractors: () => string[] };

function describeSubject(sentence: AnalyzedSentence, mention: Mention, pool: DistractorPool): Subject {
  let question: { value: string | undefined } | undefined;
  let distractors: string[] | undefined;
  return {
    sentence,
    mention,
    question: () => (question ??= { value: askAttributed(sentence, mention) }).value,
    distractors: () => (distractors ??= pickDistractors(pool, mention, sentence)),
  };
}

function askAttributed(sentence: AnalyzedSentence, mention: Mention): string | undefined {
  const question = buildQuestion(sentence, mention);
  return question && attributeQuestion(sentence, question);
}

function makeCard(
  { sentence, mention }: Subject,
  fields: Pick<GeneratedCard, "kind" | "prompt" | "answer"> & Partial<Pick<GeneratedCard, "choices" | "explanation" | "tolerance">>,
): CandidateCard {
  const card: GeneratedCard = {
    id: computeStableId("card", [fields.kind, fields.prompt, fields.answer]),
    ...fields,
    tags: assignTags(sentence.text, mention.text, mention.type),
    source: { document: sentence.document, sentence: sentence.original },
  };
  return { card, mention, sentence };
}

function answerOf(mention: Mention): string {
  return mention.type === "person" && mention.label ? mention.label : mention.text;
}

function buildCloze(subject: Subject): CandidateCard {
  const { sentence, mention } = subject;
  const prompt = attribute(sentence, `${sentence.text.slice(0, mention.start)}{{c1::${mention.text}}}${sentence.text.slice(mention.end)}`);
  return makeCard(subject, { kind: "cloze", prompt, answer: mention.text });
}

function buildQa(subject: Subject): CandidateCard | undefined {
  const prompt = subject.question();
  if (!prompt) return undefined;
  return makeCard(subject, { kind: "qa", prompt, answer: answerOf(subject.mention), explanation: subject.sentence.original });
}

/** Multiple choice; asks the wh-question unless a qa card already asks it, then shows the blanked statement. */
function buildMcq(subject: Subject, taken: ReadonlySet<string>): CandidateCard | undefined {
  const { sentence, mention } = subject;
  const distractors = subject.distractors();
  if (distractors.length < 3) return undefined;
  const asked = subject.question();
  const prompt = asked && !taken.has(asked) ? asked : attribute(sentence, replaceSpan(sentence.text, mention, "_____"));
  const choices = sortByHash([mention.text, ...distractors], sentence.text, (choice) => choice);
  return makeCard(subject, { kind: "mcq", prompt, answer: mention.text, choices, explanation: sentence.original });
}

// Countries and cities go without an article, except these; "The Hague" brings its own.
const COUNTRIES_WITH_ARTICLE = /^(?:United States|United Kingdom|Netherlands|Czech Republic)\b/;

/** Puts a distractor where the mention was, fixing the article ("the United States" → "Greece", not "the Greece"). */
function swapInto(text: string, mention: Mention, swap: string): string {
  const article = /\bthe\s+$/i.exec(text.slice(0, mention.start));
  const bare = ["person", "city", "country"].includes(mention.type) && !COUNTRIES_WITH_ARTICLE.test(swap);
  const start = article && (bare || /^the\s/i.test(swap)) ? article.index : mention.start;
  return replaceSpan(text, { start, end: mention.end }, swap);
}

function buildTrueFalse(subject: Subject): CandidateCard | undefined {
  const { sentence, mention } = subject;
  const [swap] = subject.distractors();
  if (!swap) return undefined;
  // Half of the statements are true; the false half swaps in a same-type distractor, never a negation.
  if (hashString(`${sentence.text}\u241f${mention.key}`) % 2 === 0) {
    return makeCard(subject, { kind: "truefalse", prompt: attribute(sentence, sentence.text), answer: "True", explanation: sentence.original });
  }
  const prompt = attribute(sentence, capitalizeFirst(swapInto(sentence.text, mention, swap)));
  const explanation = `False: the source says ${mention.text}, not ${swap}. ${sentence.original}`;
  return makeCard(subject, { kind: "truefalse", prompt, answer: "False", explanation });
}

const SCALE_WORDS: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** The part of a figure the learner types: the digits, or the count before a scale word ("one" in "one billion"). */
function findNumericCore(mention: Mention): { index: number; length: number; answer: string } | undefined {
  const digits = /\d+(?:[.,]\d+)*/.exec(mention.text);
  if (digits) return { index: digits.index, length: digits[0].length, answer: digits[0].replace(/,(?=\d{3})/g, "") };
  const spelled = /^(\S+)\s+(thousand|million|billion)$/i.exec(mention.text);
  const scale = SCALE_WORDS[spelled?.[2]?.toLowerCase() ?? ""];
  if (!spelled?.[1] || !scale || mention.value === undefined) return undefined;
  return { index: 0, length: spelled[1].length, answer: String(mention.value / scale) };
}

function buildNumeric(subject: Subject): CandidateCard | undefined {
  const { sentence, mention } = subject;
  const tolerance = TOLERANCE[mention.type];
  const core = findNumericCore(mention);
  if (tolerance === undefined || !core) return undefined;
  if (mention.type === "year" && !/^\d{4}$/.test(mention.text)) return undefined;
  const blank = { start: mention.start + core.index, end: mention.start + core.index + core.length };
  const prompt = attribute(sentence, replaceSpan(sentence.text, blank, "___"));
  return makeCard(subject, { kind: "numeric", prompt, answer: core.answer, tolerance, explanation: sentence.original });
}

function rankMentions(mentions: readonly Mention[]): Mention[] {
  const seen = new Set<string>();
  return [...mentions]
    .sort((a, b) => IMPORTANCE[b.type] - IMPORTANCE[a.type] || a.start - b.start)
    .filter((mention) => !seen.has(mention.key) && seen.add(mention.key));
}

/**
 * Candidate cards for one sentence, best first and built lazily (callers stop at their cap): the
 * first round gives each mention its own card, with kinds rotated so one sentence yields varied
 * kinds; later rounds add the remaining kinds.
 */
export function* generateCandidates(sentence: AnalyzedSentence, pool: DistractorPool): Generator<CandidateCard> {
  const plans = rankMentions(sentence.mentions).map((mention, i) => {
    const kinds = KINDS_BY_TYPE[mention.type];
    return { subject: describeSubject(sentence, mention, pool), kinds: [...kinds.slice(i % kinds.length), ...kinds.slice(0, i % kinds.length)] };
  });
  const prompts = new Set<string>();
  const build = (kind: CardKind, subject: Subject) =>
    kind === "cloze"
      ? buildCloze(subject)
      : kind === "qa"
        ? buildQa(subject)
        : kind === "mcq"
          ? buildMcq(subject, prompts)
          : kind === "numeric"
            ? buildNumeric(subject)
            : buildTrueFalse(subject);
  // One true/false statement and one noun-phrase blank per sentence: more would repeat the sentence.
  let trueFalseMade = false;
  let phraseMade = false;
  const rounds = Math.max(0, ...plans.map((plan) => plan.kinds.length));
  for (let round = 0; round < rounds; round++) {
    for (const plan of plans) {
      const isPhrase = plan.subject.mention.type === "phrase";
      // A kind that cannot be built for this mention (no question, too few distractors) yields to the next one.
      while (plan.kinds.length > 0) {
        const kind = plan.kinds.shift() as CardKind;
        if ((kind === "truefalse" && trueFalseMade) || (isPhrase && phraseMade)) continue;
        const built = build(kind, plan.subject);
        if (!built || prompts.has(built.card.prompt)) continue;
        trueFalseMade ||= kind === "truefalse";
        phraseMade ||= isPhrase;
        prompts.add(built.card.prompt);
        yield built;
        break;
      }
    }
  }
}
