import { cardKindSchema, type CardContentInput } from "@/lib/cards/schema";
import { imageToken } from "@/lib/media/card-images";
import { htmlToText } from "../anki-html";
import { BASIC_MODEL_ID, CLOZE_MODEL_ID } from "../anki-models";
import type { AnkiCard, AnkiNote, AnkiNoteType } from "./read-collection";

/** Where fields beyond the front, back and explanation go: appended to the explanation, or each value as a tag. */
export type ExtraFieldTarget = "explanation" | "tags";

/** One app card made from one or more Anki cards of a note; `ankiCardIds` link it to its review history. */
export type NoteCard = { stableId: string; input: CardContentInput; ankiCardIds: string[]; sibling: "reverse" | "cloze" | null };

export type NoteCards = { cards: NoteCard[]; extraFields: string[]; extraValuesToExplanation: number; mediaNames: string[]; soundNames: string[] };

const DELETION = /\{\{c(\d+)::([^}]*?)(?:::([^}]*?))?\}\}/g;
const FIELD_REFERENCE = /\{\{([^#/^!{}][^{}]*?)\}\}/g;
const SPECIAL_FIELDS = new Set(["FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag", "CardID"]);
const MEDIA = /<img[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)|\[sound:([^\]]+)\]/gi;
const SOUND = /\[sound:([^\]]+)\]/g;
const IMAGE_TAG = /<img\b[^>]*>/gi;
const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^"'\\s>]+))`, "i");

/** A media name as the package's media map spells it: notes may percent-encode it, or encode it badly. */
function mediaName(src: string): string {
  try {
    return decodeURIComponent(htmlToText(src));
  } catch {
    return htmlToText(src);
  }
}

/** Media file names a field refers to: images by <img src>, audio by [sound:…]. */
function mediaIn(html: string): string[] {
  return [...html.matchAll(MEDIA)].map((match) => (match[1] !== undefined ? mediaName(match[1]) : (match[2] ?? "")));
}

function attributeOf(tag: string, name: string): string {
  const match = ATTRIBUTE(name).exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : "";
}

/** Image file names a field refers to. */
export function imageNamesIn(html: string): string[] {
  return [...html.matchAll(IMAGE_TAG)].map((match) => mediaName(attributeOf(match[0], "src"))).filter(Boolean);
}

/** Stored images by their name in the package: the SHA-256 their card text points at. */
export type ImageShas = ReadonlyMap<string, string>;
const NO_IMAGES: ImageShas = new Map();

/** Each <img> as the app's image token when the image was stored, else nothing. */
function replaceImages(html: string, images: ImageShas): string {
  return html.replace(IMAGE_TAG, (tag) => {
    const name = mediaName(attributeOf(tag, "src"));
    const sha256 = images.get(name);
    return sha256 ? imageToken(htmlToText(attributeOf(tag, "alt")) || name, sha256) : "";
  });
}

/** A field as plain text: stored images as their tokens, sound tags dropped with the rest of the markup. */
const fieldText = (html: string, images: ImageShas) => htmlToText(replaceImages(html.replace(SOUND, ""), images));

/** Field names a template shows, in order: "{{Front}}", "{{text:Front}}", "{{cloze:Text}}" all name Front/Text. */
function referencedFields(template: string, known: string[]): string[] {
  const names = [...template.matchAll(FIELD_REFERENCE)].map((match) => (match[1] ?? "").split(":").pop()!.trim());
  return [...new Set(names.filter((name) => !SPECIAL_FIELDS.has(name) && known.includes(name)))];
}

/**
 * A card side as Anki renders it, as far as text goes: field references filled in ("{{Front}}", "{{text:Front}}"),
 * conditional sections kept when their field is (or for "^", is not) filled, and the template's own words kept.
 */
function renderTemplate(template: string, values: Map<string, string>): string {
  const sections = template.replace(/\{\{([#^])\s*([^}]+?)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g, (_match, kind: string, name: string, inner: string) => {
    const filled = fieldText(values.get(name) ?? "", NO_IMAGES) !== "" || mediaIn(values.get(name) ?? "").length > 0;
    return (kind === "#") === filled ? inner : "";
  });
  return sections.replace(/\{\{([^{}]+)\}\}/g, (_match, reference: string) => values.get(reference.split(":").pop()!.trim()) ?? "");
}

/** The answer side without the question Anki repeats above it ("{{FrontSide}}<hr id=answer>"). */
function answerSide(afmt: string): string {
  const parts = afmt.split(/<hr\s+id\s*=\s*["']?answer["']?\s*\/?>/i);
  return (parts.length > 1 ? parts.slice(1).join("") : afmt).replace(/\{\{\s*FrontSide\s*\}\}/g, "");
}

/** The cloze text for card n: its own deletions stay as markup, every other deletion shows as plain text. */
function clozeFor(text: string, ordinal: number): string {
  return text.replace(DELETION, (match, n: string, answer: string) => (Number(n) === ordinal ? match : answer));
}

function clozeOrdinals(text: string): number[] {
  return [...new Set([...text.matchAll(DELETION)].map((match) => Number(match[1])))].sort((a, b) => a - b);
}

function splitTags(tags: string): string[] {
  return tags.trim().split(/\s+/).filter(Boolean);
}

/** This app's own note types (see anki-models.ts) carry the card kind and keep one card per note. */
function ownNoteToInput(note: AnkiNote, type: AnkiNoteType, tags: string[], images: ImageShas): CardContentInput {
  const byName = new Map(type.fields.map((name, ord) => [name, note.fields[ord] ?? ""]));
  const text = (html: string | undefined) => fieldText(html ?? "", images);
  if (type.cloze) return { kind: "CLOZE", prompt: text(note.fields[0]), explanation: text(note.fields[1]), tags };
  const kind = cardKindSchema.safeParse(byName.get("Kind")?.trim());
  const tolerance = htmlToText(byName.get("Tolerance") ?? "");
  return {
    kind: kind.success ? kind.data : "QA",
    prompt: text(note.fields[0]),
    answer: text(note.fields[1]),
    choices: (byName.get("Choices") ?? "")
      .split(/<br\s*\/?>/i)
      .map(text)
      .filter(Boolean),
    explanation: text(byName.get("Explanation")),
    tolerance: tolerance === "" ? null : Number(tolerance),
    tags,
  };
}

const isOwnNoteType = (type: AnkiNoteType) => type.id === String(BASIC_MODEL_ID) || type.id === String(CLOZE_MODEL_ID);

/**
 * A field value as one tag: spaces (Anki's tag separator), commas and semicolons (this app's, in CSV cells and
 * forms) become dashes, so neither program splits it into several tags.
 */
export const valueAsTag = (text: string) => text.replace(/[\s,;]+/g, "-");

/** Extra field values placed as the teacher chose; values too long for a tag go to the explanation instead. */
function placeExtras(extras: { name: string; text: string }[], target: ExtraFieldTarget, tagLimit: number) {
  const asTags = target === "tags" ? extras.filter((extra) => valueAsTag(extra.text).length <= tagLimit) : [];
  const toExplanation = extras.filter((extra) => !asTags.includes(extra));
  return {
    tags: asTags.map((extra) => valueAsTag(extra.text)),
    explanation: toExplanation.map((extra) => `${extra.name}: ${extra.text}`).join("\n"),
    spilled: target === "tags" ? toExplanation.length : 0,
  };
}

const joinText = (...parts: string[]) => parts.filter(Boolean).join("\n");

/**
 * The app cards one Anki note becomes. Every Anki card of the note is kept: a standard note's cards by their
 * templates (the reverse of "Basic (and reversed card)" is a sibling with front and back swapped), a cloze note's
 * cards one per deletion number, each blanking only its own deletions as in Anki. The first card keeps the note's
 * guid as its stable id, so packages imported before keep updating in place; siblings add the Anki card number.
 */
export function noteToCards(
  note: AnkiNote,
  type: AnkiNoteType,
  ankiCards: AnkiCard[],
  options: { extraFields: ExtraFieldTarget; deckTags: string[]; tagLimit: number; images: ImageShas },
): NoteCards {
  const tags = [...splitTags(note.tags), ...options.deckTags];
  const mediaNames = note.fields.flatMap(mediaIn);
  const soundNames = note.fields.flatMap((html) => [...html.matchAll(SOUND)].map((match) => match[1] ?? ""));
  const byOrd = new Map(ankiCards.map((card) => [card.ord, card]));
  const idsOf = (ord: number) => (byOrd.has(ord) ? [byOrd.get(ord)!.id] : []);
  const stableId = (index: number, ord: number) => (index === 0 ? note.guid : `${note.guid}::${ord + 1}`);
  if (isOwnNoteType(type)) {
    return {
      cards: [{ stableId: note.guid, input: ownNoteToInput(note, type, tags, options.images), ankiCardIds: ankiCards.map((card) => card.id), sibling: null }],
      extraFields: [],
      extraValuesToExplanation: 0,
      mediaNames,
      soundNames,
    };
  }
  const used = new Set<number>();
  const field = (name: string) => type.fields.indexOf(name);
  const value = (ord: number) => fieldText(note.fields[ord] ?? "", options.images);
  let plans: { ord: number; make: (extras: ReturnType<typeof placeExtras>) => CardContentInput }[];
  if (type.cloze) {
    const textOrd = Math.max(0, field(referencedFields(type.templates[0]?.qfmt ?? "", type.fields)[0] ?? type.fields[0] ?? ""));
    const extraOrd = type.fields.length > 1 ? (textOrd === 0 ? 1 : 0) : -1;
    used.add(textOrd).add(extraOrd);
    const source = fieldText(note.fields[textOrd] ?? "", options.images);
    // Anki makes a card for each deletion number in the text; the cards table says which ones exist.
    const ordinals = ankiCards.length > 0 ? ankiCards.map((card) => card.ord + 1) : clozeOrdinals(source);
    plans = ordinals.map((ordinal) => ({
      ord: ordinal - 1,
      make: (extras) => ({
        kind: "CLOZE",
        prompt: clozeFor(source, ordinal),
        explanation: joinText(extraOrd >= 0 ? value(extraOrd) : "", extras.explanation),
        tags: [...tags, ...extras.tags],
      }),
    }));
  } else {
    const values = new Map(type.fields.map((name, ord) => [name, note.fields[ord] ?? ""]));
    const ords = ankiCards.length > 0 ? ankiCards.map((card) => card.ord) : [0];
    plans = ords.map((ord) => {
      const template = type.templates.find((candidate) => candidate.ord === ord) ?? {
        qfmt: "{{" + (type.fields[0] ?? "") + "}}",
        afmt: "{{" + (type.fields[1] ?? "") + "}}",
      };
      for (const name of [...referencedFields(template.qfmt, type.fields), ...referencedFields(template.afmt, type.fields)]) used.add(field(name));
      const prompt = fieldText(renderTemplate(template.qfmt, values), options.images);
      const answer = fieldText(renderTemplate(answerSide(template.afmt), values), options.images);
      return { ord, make: (extras) => ({ kind: "QA", prompt, answer, explanation: extras.explanation, tags: [...tags, ...extras.tags] }) };
    });
  }
  const extras = type.fields.flatMap((name, ord) => (used.has(ord) || value(ord) === "" ? [] : [{ name, text: value(ord) }]));
  const placed = placeExtras(extras, options.extraFields, options.tagLimit);
  return {
    cards: plans.map((plan, index) => ({
      stableId: stableId(index, plan.ord),
      input: plan.make(placed),
      ankiCardIds: idsOf(plan.ord),
      sibling: index === 0 ? null : type.cloze ? "cloze" : "reverse",
    })),
    extraFields: extras.map((extra) => extra.name),
    extraValuesToExplanation: placed.spilled,
    mediaNames,
    soundNames,
  };
}
