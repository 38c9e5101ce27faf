/** Card formats the generator can emit; each maps to one stored kind (lib/decks/generated-cards.ts) and review widget. */
export const GENERATED_CARD_KINDS = ["cloze", "qa", "mcq", "truefalse", "numeric"] as const;
export type CardKind = (typeof GENERATED_CARD_KINDS)[number];

/** One flashcard, traceable to the sentence it was built from. */
export type GeneratedCard = {
  /** Stable, content-derived id (same kind + prompt + answer gives the same id). */
  id: string;
  kind: CardKind;
  prompt: string;
  answer: string;
  choices?: string[];
  explanation?: string;
  /** Accepted absolute error for numeric cards. */
  tolerance?: number;
  tags: string[];
  source: { document: string; sentence: string };
  /** e.g. "conflict:<id>" when the sources disagree about the fact the card is built on. */
  flags?: string[];
  /** The seeds/facts entry the card teaches, for cards of the shipped deck. */
  factId?: string;
  /** The same fact in other formats, which the quiz may show instead of the scheduled face. */
  faces?: AlternateFace[];
};

/** Another way to show a fact: the quiz draws on these, while the scheduled face is the card itself. */
/** Stored kinds a card's alternate faces (quiz variants of the same fact) may take. */
export const ALTERNATE_FACE_KINDS = ["MCQ", "TRUEFALSE", "CLOZE"] as const;
export type AlternateFace = { kind: (typeof ALTERNATE_FACE_KINDS)[number]; prompt: string; answer: string; choices: string[] };

/** Metadata a source file may carry in its front matter. */
export type SourceMeta = { title?: string; publisher?: string; date?: string; kind?: string };

/** A raw or restated article handed to the generator. */
export type SourceDocumentInput = { name: string; text: string; meta?: SourceMeta };

/** A disagreement between sources about the same subject. */
export type SourceConflict = { id: string; topic: string; description: string; sources: string[] };

/** A candidate card the quality rules refused, with the rule that refused it. */
export type RejectedCard = { reason: string; prompt: string };

export type GenerateOptions = { maxCardsPerSentence?: number };

export type GenerateResult = { cards: GeneratedCard[]; conflicts: SourceConflict[]; rejected: RejectedCard[] };

/** What a span of a sentence denotes; distractors are only ever drawn from the same type. */
export type MentionType =
  "person" | "city" | "country" | "region" | "organization" | "command" | "programme" | "term" | "phrase" | "year" | "percentage" | "money" | "count" | "date";

/** A typed span of a sentence that a card can ask about. */
export type Mention = {
  text: string;
  start: number;
  end: number;
  type: MentionType;
  /** Normalized identity: aliases of one entity ("Turkey", "Türkiye") share it. */
  key: string;
  /** Gazetteer name of the entity ("Hakan Fidan" for "Fidan"). */
  label?: string;
  value?: number;
  /** Dates only. */
  month?: number;
  day?: number;
  year?: number;
  yearCertain?: boolean;
  /** People only: whether the text is the surname alone, so distractors match its form. */
  surnameOnly?: boolean;
  /** The name modifies the noun after it ("the Eurofighter sale"), so it cannot be replaced by "which …". */
  modifiesNoun?: boolean;
};

/** The first verb group of a sentence, as compromise reads it; question building inverts it. */
export type VerbGroup = {
  start: number;
  end: number;
  auxiliary: string;
  root: string;
  infinitive: string;
  preAdverbs: string[];
  tense: "past" | "present" | "other";
  copula: boolean;
  /** False for to-infinitives and bare participles, which cannot be inverted into a question. */
  finite: boolean;
  subjectIsPlural: boolean;
  /** Whether the sentence opens with a name, which must keep its capital when moved inside a question. */
  subjectStartsWithName: boolean;
};

/** A sentence kept by cleaning, with its analysis. */
export type AnalyzedSentence = {
  document: string;
  /** The sentence as the source has it. */
  original: string;
  /** The sentence as cards show it (leading discourse markers removed); mention offsets refer to it. */
  text: string;
  /** Principal of a press conference, when the sentence is theirs. */
  speaker?: string;
  mentions: Mention[];
  verb?: VerbGroup;
};
