import { z } from "zod";
import { ALTERNATE_FACE_KINDS } from "@/lib/generator/types";

/** One tappable way to ask a card: its own multiple-choice or true/false face, or an alternate face of its fact. */
export type QuizFace = { kind: "MCQ" | "TRUEFALSE"; prompt: string; answer: string; choices: string[] };

const storedFacesSchema = z.array(z.object({ kind: z.enum(ALTERNATE_FACE_KINDS), prompt: z.string(), answer: z.string(), choices: z.array(z.string()) }));

type QuizSourceCard = { kind: string; prompt: string; answer: string; choices: string[]; faces: unknown };

/**
 * Every face a quiz may show for a card, in a fixed order so the server can score the face index the client sent.
 * Stored faces that fail validation are skipped rather than failing the whole quiz.
 */
export function quizFacesOf(card: QuizSourceCard): QuizFace[] {
  const own: QuizFace[] =
    card.kind === "MCQ" || card.kind === "TRUEFALSE" ? [{ kind: card.kind, prompt: card.prompt, answer: card.answer, choices: card.choices }] : [];
  const stored = storedFacesSchema.safeParse(card.faces);
  const alternates = (stored.success ? stored.data : []).filter((face): face is QuizFace => face.kind === "MCQ" || face.kind === "TRUEFALSE");
  return [...own, ...alternates];
}
