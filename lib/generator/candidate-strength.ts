import { containsWords } from "@/lib/facts/lint";
import type { Fact } from "@/lib/facts/schema";
import { MEMBER_STATES, OFFICIALS, PARTNERS, RIVALS, SECRETARIES_GENERAL } from "./gazetteer-data";

const PEOPLE = [...OFFICIALS.map((official) => official.name), ...SECRETARIES_GENERAL.map((holder) => holder.name)].filter((name) => name.includes(" "));
const COUNTRY_NAMES = new Set([...MEMBER_STATES, ...PARTNERS, ...RIVALS].map((country) => country.name));

/** A known person named by surname alone ("met Trump"), which the rubric counts as undefined. */
function bareSurname(question: string): string | undefined {
  for (const name of PEOPLE) {
    const surname = name.split(" ").at(-1)!;
    if (containsWords(question, surname) && !containsWords(question, name) && !new RegExp(`\\p{Lu}[\\p{L}.]* ${surname}`, "u").test(question)) return surname;
  }
  return undefined;
}

/**
 * Why a card made from an article's sentence is weaker than the rubric asks (R1 self-contained, R4 worth
 * learning), or undefined when nothing is wrong. Weaker candidates stay available to the teacher behind the main
 * list instead of being ranked among cards a teacher would sign. Pure: reads the fact only.
 */
export function findCandidateWeakness(fact: Fact): string | undefined {
  const question = fact.question;
  const unquoted = question.replace(/["“][^"”]*["”]/g, "");
  const body = question
    .replace(/^(At|In coverage of|As reported|According to)[^,]*\([^)]*\),\s*|^(At|In coverage of|As reported|According to)[^,]*,\s*/, "")
    .replace(/^[^—]{3,80} — /, "");
  if (/^(In coverage of|As reported|According to the article)\b/.test(question)) return "its context is the article's, not an event the stem can name";
  if (question.length > 180) return "the stem is too long to read on a phone";
  if (question.includes("___") && question.length > 150) return "a long sentence with a blank, not a question";
  if (/["“][^"”]*_{3,}[^"”]*["”]/.test(question)) return "the blank sits inside a quotation";
  if (/\b(I|my|me|we|our|us|you|your)\b/.test(unquoted) || /\b(We|My|Our|You|Your)\b/.test(unquoted)) return "it speaks in the first or second person";
  if (/\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)*: /u.test(question)) return "it quotes a speaker's line instead of asking about it";
  if (/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|this week|last week|next week)\b/i.test(body))
    return "it dates the fact by the article's own day";
  if (
    /^(he|she|it|they|this|these|those|his|her|its|their|the (Norwegian|Dutchman|German|American|Briton|Frenchman|Finn|Swede|Turk|former|latter))\b/i.test(body)
  )
    return "it opens with a word that points back into the article";
  if (/\[\d+\]/.test(question)) return "it keeps the article's footnote marks";
  if (!/[.!?]["”’)]?$/.test(fact.statement.trim())) return "it comes from a headline, not a sentence";
  if (/\b(did so|do so|does so|the same)\b/i.test(body) || /^(since then|then|there|thus|however|also|meanwhile|instead|still)\b/i.test(body))
    return "it leans on an earlier sentence";
  if (/^(when|where) will\b/i.test(body) || /\b(now|currently|at present|recently)\b/i.test(body)) return "it is true only as of the article's date";
  if (/\([^)]*_{3,}[^)]*\)/.test(question)) return "the blank is an aside in brackets";
  const firstWord = /^(\p{Lu}\p{Ll}+) (served|said|says|told|added|was|is|became|led|has|had|took|argued|warned|noted|stressed)\b/u.exec(body)?.[1];
  if (firstWord && !COUNTRY_NAMES.has(firstWord) && !["NATO", "Allies", "Ministers", "Leaders"].includes(firstWord))
    return `it names "${firstWord}" without a first name or role`;
  if (
    /\b(that|this|these|those) (region|plan|meeting|summit|decision|agreement|country|talks|proposal|step|move|document|text|declaration|year|week|day|package|initiative)\b/i.test(
      body,
    )
  )
    return "a demonstrative points at something the stem does not name";
  if (/\b(hospitality|appreciation|gratitude|thank|thanked|thanks)\b/i.test(body)) return "it asks about a courtesy, not a decision or a fact";
  if (/_{3,}[,]? (said|says|told|added|noted|stressed)\b/.test(body)) return "it asks who said it, not what was decided";
  const place = fact.context.place?.split(",")[0]?.trim();
  if (/^Where\b/.test(body) && place && containsWords(body, place)) return "it asks where, yet names the place";
  const opener = /^At ([\p{L} ]+?)[,(]/u.exec(question)?.[1];
  if (opener && COUNTRY_NAMES.has(opener.trim())) return "the sentence is cut from a longer one";
  // "he", "his", "her" with nobody named before them point at a person of an earlier sentence.
  const pronoun = /\b(he|she|him|his|her|hers)\b/i.exec(body);
  if (pronoun && !/\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u.test(body.slice(0, pronoun.index))) return "a pronoun stands for someone the stem does not name";
  const surname = bareSurname(question);
  if (surname) return `it names ${surname} by surname only`;
  if (/\b\p{Lu}$/u.test(fact.answer.text.trim())) return "the answer is cut at an initial";
  if (
    (fact.answer.type === "term" || fact.answer.type === "organisation") &&
    !/\p{Lu}/u.test(fact.answer.text.slice(1)) &&
    !/^\p{Lu}\p{Ll}+ \p{Lu}/u.test(fact.answer.text)
  )
    return "the answer is a common phrase, not a named instrument or body";
  if (fact.answer.type === "place" && new RegExp(`\\p{Lu}[\\p{L}'’-]+, _{3,}`, "u").test(question)) return "the blank is the country after its own city";
  return undefined;
}
