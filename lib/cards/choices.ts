import { sortByHash } from "./seeded-order";

type ChoiceCard = { kind: string; answer: string; choices: string[] };

/** The options a tappable card offers: its choices for multiple choice, True/False for true-or-false, else none. */
export function listChoices(card: ChoiceCard): string[] {
  if (card.kind === "TRUEFALSE") return ["True", "False"];
  return card.kind === "MCQ" ? card.choices : [];
}

/** Whether `choice` is the card's answer; true/false answers may be stored in any case ("true", "TRUE"). */
export function isCorrectChoice(card: ChoiceCard, choice: string): boolean {
  return card.kind === "TRUEFALSE" ? card.answer.trim().toLowerCase() === choice.toLowerCase() : card.answer.trim() === choice.trim();
}

/** The options in the order one showing presents them: multiple choice reshuffled per seed, True/False kept in place. */
export function orderChoicesForShowing(card: ChoiceCard, seed: string): string[] {
  const choices = listChoices(card);
  return card.kind === "MCQ" ? sortByHash(choices, seed, (choice) => choice) : choices;
}
