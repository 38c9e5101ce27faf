import { TAG_MAX } from "@/lib/cards/schema";
import { htmlToText } from "./anki-html";
import { historyOf, type CardHistory } from "./apkg/card-history";
import { imagesShownBy } from "@/lib/media/card-images";
import { imageNamesIn, noteToCards, type ExtraFieldTarget, type NoteCard } from "./apkg/note-cards";
import { readPackageImages, type PackageImage, type SkippedImage } from "./apkg/package-images";
import { openPackage, PackageError, type OpenedPackage, type PackageLayout } from "./apkg/open-package";
import { readCollection, type AnkiCard, type AnkiCollection, type AnkiReview } from "./apkg/read-collection";
import { MAX_IMPORT_ROWS, sortProblems, type ImportedCard, type ImportProblem } from "./schema";
import { loadSqlite } from "./sqlite";
import { collectCards } from "./validate-card";

/** Where a package's sub-decks go: a tag on their cards, or a deck of their own named "Deck::Sub". */
export type NestedDeckTarget = "tags" | "subdecks";
export type ApkgOptions = { extraFields: ExtraFieldTarget; nestedDecks: NestedDeckTarget };
export const DEFAULT_APKG_OPTIONS: ApkgOptions = { extraFields: "explanation", nestedDecks: "tags" };

/** What the preview tells the teacher about a package, beyond the cards: counts of what comes in and what not. */
export type ApkgReport = {
  layout: PackageLayout;
  notes: number;
  ankiCards: number;
  /** Fields past front, back and explanation, and where their values went. */
  extraFields: { names: string[]; notes: number; target: ExtraFieldTarget; toExplanationInstead: number };
  /**
   * Media files in the package and how many notes refer to one. Images the arriving cards show are stored (each
   * at most 1 MB, 20 MB in all, PNG/JPEG/GIF/WebP by their bytes); the others are listed with the reason; images
   * only left-out problem notes show are not stored. Sounds are counted and not carried over.
   */
  media: { files: number; notes: number; images: { stored: number; bytes: number; skipped: SkippedImage[]; withProblemNotes: number }; sounds: number };
  /** Anki cards beyond a note's first, imported as sibling cards. */
  reverseCards: number;
  extraClozeCards: number;
  /** Sub-decks below the package's top deck, kept as tags on their cards or as decks of their own. */
  nestedDecks: { names: string[]; cards: number; target: NestedDeckTarget };
  /** Review history: cards that arrive with an FSRS state, from Anki's memory state or replayed reviews. */
  history: { cards: number; fromMemoryState: number; reviews: number; skipped: number };
};

/** A card that goes to a sub-deck rather than the deck imported into, by the sub-deck's path ("Summits::2025"). */
export type SubDeckPlacement = { stableId: string; path: string };

export type ApkgParse = {
  cards: ImportedCard[];
  problems: ImportProblem[];
  report: ApkgReport | null;
  histories: CardHistory[];
  subDecks: SubDeckPlacement[];
  /** The images the arriving cards show, to store beside them. */
  images: PackageImage[];
};

const fail = (message: string): ApkgParse => ({ cards: [], problems: [{ row: "File", message }], report: null, histories: [], subDecks: [], images: [] });

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Sub-deck paths below the shallowest deck the cards sit in ("Biology::Amino acids::Essential" → "Amino acids::Essential"). */
function subDeckPathsById(collection: AnkiCollection): Map<string, string> {
  const used = [...new Set(collection.cards.map((card) => card.did))].map((id) => ({ id, path: collection.decks.get(id) ?? [] }));
  const rootDepth = Math.min(...used.map((deck) => deck.path.length), Infinity);
  return new Map(used.filter((deck) => deck.path.length > rootDepth).map((deck) => [deck.id, deck.path.slice(rootDepth).join("::")]));
}

function buildCards(opened: OpenedPackage, collection: AnkiCollection, options: ApkgOptions, read: { images: PackageImage[]; skipped: SkippedImage[] }) {
  const images = new Map(read.images.map((image) => [image.name, image.sha256]));
  const cardsByNote = groupBy(collection.cards, (card) => card.nid);
  const reviewsByCard = groupBy(collection.reviews, (review) => review.cid);
  const ankiCardsById = new Map<string, AnkiCard>(collection.cards.map((card) => [card.id, card]));
  const subDeckPaths = subDeckPathsById(collection);
  const problems: ImportProblem[] = [];
  const rows: Parameters<typeof collectCards>[0] = [];
  const made = new Map<string, NoteCard & { deckTag: string | null }>();
  const extraFieldNames = new Set<string>();
  let extraFieldNotes = 0;
  let toExplanationInstead = 0;
  const mediaNotes = new Set<string>();
  const soundNames = new Set<string>();
  collection.notes.forEach((note, index) => {
    const label = `Note ${index + 1} ("${htmlToText(note.fields[0] ?? "").slice(0, 40)}")`;
    const type = collection.noteTypes.get(note.mid);
    if (!type) {
      problems.push({ row: label, message: "Its note type is missing from the package." });
      return;
    }
    const ankiCards = cardsByNote.get(note.id) ?? [];
    const deckTag = subDeckPaths.get(ankiCards[0]?.did ?? "") ?? null;
    const deckTags = deckTag && options.nestedDecks === "tags" ? [deckTag] : [];
    const converted = noteToCards(note, type, ankiCards, { extraFields: options.extraFields, deckTags, tagLimit: TAG_MAX, images });
    if (converted.extraFields.length > 0) extraFieldNotes += 1;
    converted.extraFields.forEach((name) => extraFieldNames.add(name));
    toExplanationInstead += converted.extraValuesToExplanation;
    if (converted.mediaNames.length > 0) mediaNotes.add(note.id);
    converted.soundNames.forEach((name) => soundNames.add(name));
    converted.cards.forEach((card, cardIndex) => {
      const row = cardIndex === 0 ? label : `Note ${index + 1}, card ${cardIndex + 1} ("${htmlToText(note.fields[0] ?? "").slice(0, 40)}")`;
      const imageOnly = converted.mediaNames.length > 0 && htmlToText(String(card.input.prompt ?? "")) === "";
      if (imageOnly) {
        problems.push({
          row,
          message: "front: Its front is only a sound, or an image that was not imported (named in the report), so the card would be blank.",
        });
        return;
      }
      rows.push({ row, input: card.input, stableId: card.stableId });
      made.set(card.stableId, { ...card, deckTag });
    });
  });
  const collected = collectCards(rows);
  const histories: CardHistory[] = [];
  let skippedReviews = 0;
  const arrived = collected.cards.map((card) => made.get(card.stableId ?? "")!);
  for (const card of arrived) {
    const first = card.ankiCardIds[0];
    const entries: AnkiReview[] = first ? (reviewsByCard.get(first) ?? []) : [];
    const { history, skipped } = historyOf(card.stableId, first ? ankiCardsById.get(first) : undefined, entries);
    skippedReviews += skipped;
    if (history) histories.push(history);
  }
  const nestedCards = arrived.filter((card) => card.deckTag !== null);
  const shown = imagesShownBy(collected.cards);
  // Two names with the same bytes are one image here.
  const storedImages = [...new Map(read.images.filter((image) => shown.has(image.sha256)).map((image) => [image.sha256, image])).values()];
  const report: ApkgReport = {
    layout: opened.layout,
    notes: collection.notes.length,
    ankiCards: collection.cards.length,
    extraFields: { names: [...extraFieldNames], notes: extraFieldNotes, target: options.extraFields, toExplanationInstead },
    media: {
      files: opened.media.length,
      notes: mediaNotes.size,
      images: {
        stored: storedImages.length,
        bytes: storedImages.reduce((sum, image) => sum + image.bytes.length, 0),
        skipped: read.skipped,
        withProblemNotes: new Set(read.images.map((image) => image.sha256).filter((sha256) => !shown.has(sha256))).size,
      },
      sounds: soundNames.size,
    },
    reverseCards: arrived.filter((card) => card.sibling === "reverse").length,
    extraClozeCards: arrived.filter((card) => card.sibling === "cloze").length,
    nestedDecks: { names: [...new Set(nestedCards.map((card) => card.deckTag!))].sort(), cards: nestedCards.length, target: options.nestedDecks },
    history: {
      cards: histories.length,
      fromMemoryState: histories.filter((history) => history.memory !== null).length,
      reviews: histories.reduce((sum, history) => sum + history.reviews.length, 0),
      skipped: skippedReviews,
    },
  };
  const subDecks = options.nestedDecks === "subdecks" ? nestedCards.map((card) => ({ stableId: card.stableId, path: card.deckTag! })) : [];
  return { cards: collected.cards, problems: sortProblems([...problems, ...collected.problems]), report, histories, subDecks, images: storedImages };
}

/**
 * Reads an Anki package in any layout Anki writes (see apkg/open-package.ts). Every Anki card becomes an app card
 * or a listed problem, and the report counts what else the package holds and where it went. The file's SQL is
 * never run: only fixed SELECTs on known, plain tables (apkg/read-collection.ts).
 */
export async function readApkg(bytes: Uint8Array, options: ApkgOptions = DEFAULT_APKG_OPTIONS): Promise<ApkgParse> {
  let opened: OpenedPackage;
  try {
    opened = await openPackage(bytes);
  } catch (error) {
    if (error instanceof PackageError) return fail(error.message);
    throw error;
  }
  try {
    const collection = readCollection(await loadSqlite(), opened.collection, MAX_IMPORT_ROWS);
    const read = await readPackageImages(
      opened,
      collection.notes.flatMap((note) => note.fields.flatMap(imageNamesIn)),
    );
    return buildCards(opened, collection, options, read);
  } catch (error) {
    if (error instanceof PackageError) return fail(error.message);
    throw error;
  }
}
