"use client";
import Link from "next/link";
import { ScrollingTable } from "@/app/_components/scrolling-table";
import type { ApkgReport } from "@/lib/imports/read-apkg";
import type { MappedField } from "@/lib/imports/schema";
import { FormMessage } from "../../../_components/form-message";
import { KIND_NAMES } from "../../../_components/kind-names";
import { cardBox, inputClass, labelClass, primaryButton, secondaryButton } from "../../../_components/styles";
import { PackageReport } from "./package-report";
import { useImportFlow } from "./use-import-flow";
import { withImagesAsText } from "@/lib/media/card-images";

/** The preview's two Anki choices: each a radio group shown only when the package has something it applies to. */
const ANKI_CHOICES = [
  {
    option: "extraFields",
    legend: "Extra Anki fields",
    applies: (report: ApkgReport) => report.extraFields.notes > 0,
    describe: (report: ApkgReport) => `Fields beyond front and back: ${report.extraFields.names.join(", ")}.`,
    values: [
      { value: "explanation", label: "Add them to the explanation" },
      { value: "tags", label: "Add them as tags" },
    ],
  },
  {
    option: "nestedDecks",
    legend: "Anki sub-decks",
    applies: (report: ApkgReport) => report.nestedDecks.cards > 0,
    describe: (report: ApkgReport) => `Sub-decks: ${report.nestedDecks.names.join(", ")}.`,
    values: [
      { value: "tags", label: "Tag their cards with the sub-deck" },
      { value: "subdecks", label: "Make each a deck of its own" },
    ],
  },
] as const;

const FIELD_LABELS: Record<MappedField, string> = {
  front: "Front (prompt)",
  back: "Back (answer)",
  kind: "Kind",
  choices: "Choices (separated by |)",
  explanation: "Explanation",
  tolerance: "Tolerance",
  tags: "Tags (separated by commas)",
  id: "Id (updates the card with this id)",
};

/**
 * Upload -> (map columns, Anki choices) -> preview -> Import, or Import without the problem rows, or Cancel; the
 * server parses the file again on Import and writes in one transaction.
 */
export function ImportForm({ deckId }: { deckId: string }) {
  const { preview, mapping, anki, message, done, pending, inputKey, canImport, canImportRest, choose, changeMapping, changeAnki, runImport, cancel } =
    useImportFlow(deckId);

  return (
    <div className="flex flex-col gap-4">
      <div className={cardBox}>
        <label htmlFor="import-file" className={labelClass}>
          File
        </label>
        <input
          key={inputKey}
          id="import-file"
          type="file"
          accept=".csv,.tsv,.txt,.apkg,text/csv,text/tab-separated-values,text/plain"
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
          className="min-h-11 text-base"
        />
        {pending && (
          <p role="status" className="text-muted">
            Reading…
          </p>
        )}
      </div>

      {preview && mapping && preview.headers.length > 0 && (
        <fieldset className={cardBox}>
          <legend className="px-1 text-lg font-semibold">Columns</legend>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {(Object.keys(FIELD_LABELS) as MappedField[]).map((field) => (
              <div key={field} className="flex flex-col gap-1">
                <label htmlFor={`map-${field}`} className={labelClass}>
                  {FIELD_LABELS[field]}
                </label>
                <select id={`map-${field}`} value={mapping[field] ?? ""} onChange={(event) => changeMapping(field, event.target.value)} className={inputClass}>
                  {field !== "front" && <option value="">Not used</option>}
                  {preview.headers.map((header, index) => (
                    <option key={index} value={index}>
                      {header || `Column ${index + 1}`}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      )}

      {ANKI_CHOICES.map((choice) => {
        const report = preview?.report;
        if (!report || !choice.applies(report)) return null;
        return (
          <fieldset key={choice.option} className={cardBox}>
            <legend className="px-1 text-lg font-semibold">{choice.legend}</legend>
            <p className="text-muted">{choice.describe(report)}</p>
            {choice.values.map(({ value, label }) => (
              <label key={value} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name={choice.option}
                  value={value}
                  checked={anki[choice.option] === value}
                  onChange={() => changeAnki({ ...anki, [choice.option]: value })}
                  className="size-5"
                />
                {label}
              </label>
            ))}
          </fieldset>
        );
      })}

      {preview && (
        <section aria-labelledby="import-preview" className={cardBox}>
          <h2 id="import-preview" className="text-xl font-semibold">
            Preview
          </h2>
          {preview.report && <PackageReport report={preview.report} />}
          {preview.problemCount > 0 ? (
            <div role="alert" className="flex flex-col gap-2">
              <p className="font-semibold text-again">
                {preview.fileProblem || preview.total === 0
                  ? "This file cannot be imported:"
                  : `${preview.problemRows} ${preview.problemRows === 1 ? "row has a problem" : "rows have problems"} and cannot come in; ${preview.total} ${preview.total === 1 ? "card is" : "cards are"} ready. Fix the file, or import the rest:`}
              </p>
              <ul className="list-disc pl-5">
                {preview.problems.map((problem, index) => (
                  <li key={index} className="break-words">
                    {problem.row}: {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>
              {preview.total} {preview.total === 1 ? "card" : "cards"} ready
              {preview.total > preview.cards.length ? `; the first ${preview.cards.length} are shown` : ""}.
            </p>
          )}
          {preview.cards.length > 0 && (
            <ScrollingTable id="import-preview-cards" title="Cards as they will be imported">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="p-2">
                    Kind
                  </th>
                  <th scope="col" className="p-2">
                    Front
                  </th>
                  <th scope="col" className="p-2">
                    Back
                  </th>
                  <th scope="col" className="p-2">
                    Tags
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.cards.map((card, index) => (
                  <tr key={index} className="border-b border-line align-top">
                    <td className="p-2">{KIND_NAMES[card.kind]}</td>
                    <td className="p-2 break-words whitespace-pre-line">{withImagesAsText(card.prompt)}</td>
                    <td className="p-2 break-words">
                      {withImagesAsText(card.answer)}
                      {card.choices.length > 0 && <span className="block text-muted">{card.choices.join(" | ")}</span>}
                    </td>
                    <td className="p-2">{card.tags.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollingTable>
          )}
          <div className="flex flex-wrap gap-2">
            {canImportRest ? (
              <button type="button" disabled={pending} onClick={() => runImport(true)} className={primaryButton}>
                Import {preview.total} {preview.total === 1 ? "card" : "cards"} without the problem rows
              </button>
            ) : (
              <button type="button" disabled={!canImport || pending} onClick={() => runImport(false)} className={primaryButton}>
                Import
              </button>
            )}
            {!done && (
              <button type="button" disabled={pending} onClick={cancel} className={secondaryButton}>
                Cancel
              </button>
            )}
            {done && (
              <Link href={`/teach/decks/${deckId}`} className={secondaryButton}>
                Back to the deck
              </Link>
            )}
          </div>
        </section>
      )}
      <FormMessage {...message} />
    </div>
  );
}
