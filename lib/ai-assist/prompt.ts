import { ANSWER_TYPES } from "@/lib/facts/schema";
import { MAX_PROPOSALS, type ProposalFrame } from "./candidate";

/**
 * The instructions follow ../shared/docs/card-rubric.md (R1–R5) in the words a model needs. They ask; the validator
 * decides: every answer is parsed, its quote looked up in the article, and the fact schema and lint applied.
 */
export const SYSTEM_PROMPT = `You propose study facts about NATO affairs from one article, for university students.
Answer with JSON only, no prose, in exactly this shape:
{"facts": [{
  "statement": "the fact in one or two sentences of your own words, naming the event",
  "question": "a self-contained question whose answer is the fact",
  "answer": {"type": "${ANSWER_TYPES.join("|")}", "text": "the answer as a student would write it",
             "value": "a number, only for year, number, percent and money answers (3.5 for 3.5%)",
             "role": "the person's role, only for a person", "country": "the person's country or organisation, only for a person"},
  "distractors": ["three wrong answers"],
  "falseStatement": "the statement changed in substance",
  "quote": "the one sentence of the article that states the fact, copied character for character",
  "importance": "core|detail"
}]}
Rules:
- At most ${MAX_PROPOSALS} facts, each a different fact. Fewer good facts are better than many weak ones.
- quote is copied exactly from the article: never shortened, paraphrased, translated or corrected.
- The question names the event and its date or place, so a student who never read the article understands it.
  Never write "the talks", "this meeting", "on Friday" or "currently". The question never contains its answer.
- Only facts worth learning: a person in a role, a date, a number with its meaning, a named instrument, a place,
  a decision. No stock words, no who-said-it trivia.
- The three distractors are of the answer's kind and written like it (a year for a year, "2%" for a percent,
  a full name for a person), each plausible and clearly wrong, none of them the answer of another of your facts.
- falseStatement changes the fact in substance (another number, person or place) and stays plausible.`;

/** The user's turn: the teacher's frame for the article, then the article itself. */
export function userPrompt(frame: ProposalFrame, article: string): string {
  const lines = [`Event: ${frame.event}`];
  if (frame.place) lines.push(`Place: ${frame.place}`);
  if (frame.date) lines.push(`Date (ISO; a range is start/end): ${frame.date}`);
  return `${lines.join("\n")}\n\nArticle:\n"""\n${article}\n"""`;
}
