import type { ImageSkipReason } from "@/lib/imports/apkg/package-images";
import type { ApkgReport } from "@/lib/imports/read-apkg";
import { MAX_IMAGE_BYTES, MAX_IMPORT_IMAGE_BYTES } from "@/lib/media/image-type";

const LAYOUTS: Record<ApkgReport["layout"], string> = {
  anki2: "Anki 2.0 layout (collection.anki2)",
  anki21: "Anki 2.1 layout (collection.anki21)",
  anki21b: "current Anki layout (collection.anki21b)",
};

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

const MB = 1024 * 1024;
const SKIP_REASON: Record<ImageSkipReason, string> = {
  tooLarge: `larger than ${MAX_IMAGE_BYTES / MB} MB`,
  unsupported: "not a PNG, JPEG, GIF or WebP image (SVG is refused: it can carry script)",
  missing: "missing from the package",
  overImportCap: `past the ${MAX_IMPORT_IMAGE_BYTES / MB} MB of images one import may bring`,
};

/** What happens to the package's images and sounds, with every image left out named with its reason. */
function mediaLines(media: ApkgReport["media"]): { key: string; text: string }[] {
  const { images } = media;
  const lines = [{ key: "media", text: `${plural(media.files, "media file")} in the package, used by ${plural(media.notes, "note")}.` }];
  if (images.stored > 0) {
    lines.push({
      key: "images",
      text: `${plural(images.stored, "image")} (${Math.ceil(images.bytes / 1024).toLocaleString("en")} KB) come in with their cards.`,
    });
  }
  if (images.skipped.length > 0) {
    const named = images.skipped.map((image) => `${image.name} (${SKIP_REASON[image.reason]})`).join("; ");
    lines.push({
      key: "skipped-images",
      text: `${plural(images.skipped.length, "image")} not imported: ${named}. A card whose front was only such an image is listed as a problem.`,
    });
  }
  if (images.withProblemNotes > 0)
    lines.push({ key: "problem-images", text: `${plural(images.withProblemNotes, "image")} shown only by problem notes come in only with those notes.` });
  if (media.sounds > 0)
    lines.push({ key: "sounds", text: `${plural(media.sounds, "sound")} not imported: sounds are not carried over; their cards come in without them.` });
  return lines;
}

/** The preview's account of an Anki package: what comes in beyond the front and back, and what does not, and why. */
export function PackageReport({ report }: { report: ApkgReport }) {
  const { extraFields, media, nestedDecks, history } = report;
  const lines: { key: string; text: string }[] = [
    { key: "layout", text: `${plural(report.notes, "note")} and ${plural(report.ankiCards, "Anki card")}, in the ${LAYOUTS[report.layout]}.` },
  ];
  if (report.reverseCards > 0)
    lines.push({ key: "reverse", text: `${plural(report.reverseCards, "reverse card")} come in as sibling cards, front and back swapped as in Anki.` });
  if (report.extraClozeCards > 0)
    lines.push({ key: "cloze", text: `${plural(report.extraClozeCards, "extra cloze card")} come in: each deletion number is its own card, as in Anki.` });
  if (extraFields.notes > 0) {
    const where = extraFields.target === "tags" ? "added as tags" : "added to the explanation";
    const spilled =
      extraFields.toExplanationInstead > 0 ? ` ${plural(extraFields.toExplanationInstead, "value")} longer than a tag went to the explanation instead.` : "";
    lines.push({
      key: "fields",
      text: `${plural(extraFields.notes, "note")} have fields beyond front and back (${extraFields.names.join(", ")}): ${where}.${spilled}`,
    });
  }
  if (media.files > 0 || media.notes > 0) lines.push(...mediaLines(media));
  if (nestedDecks.cards > 0) {
    const where = nestedDecks.target === "subdecks" ? "go to decks of their own, named after this deck and the sub-deck" : "are tagged with their sub-deck";
    lines.push({
      key: "decks",
      text: `${plural(nestedDecks.cards, "card")} from ${plural(nestedDecks.names.length, "sub-deck")} (${nestedDecks.names.join(", ")}) ${where}.`,
    });
  }
  if (history.cards > 0 || history.skipped > 0) {
    const memory = history.fromMemoryState > 0 ? `, ${history.fromMemoryState} with Anki's own FSRS memory state` : "";
    const skipped =
      history.skipped > 0
        ? ` ${plural(history.skipped, "history entry", "history entries")} (manual reschedules, or memory states without a dated review) are left out.`
        : "";
    lines.push({
      key: "history",
      text: `${plural(history.cards, "card")} bring ${plural(history.reviews, "review")} and start with your FSRS memory of them, replayed through FSRS${memory}.${skipped}`,
    });
  }
  return (
    <section aria-labelledby="package-report" className="flex flex-col gap-2">
      <h3 id="package-report" className="text-lg font-semibold">
        From the Anki package
      </h3>
      <ul className="list-disc pl-5">
        {lines.map((line) => (
          <li key={line.key} className="break-words">
            {line.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
