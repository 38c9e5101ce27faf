"use client";
import Link from "next/link";
import { useState } from "react";
import { ScrollingTable } from "@/app/_components/scrolling-table";
import type { ApkgReport } from "@/lib/imports/read-apkg";
import type { ColumnMapping, ImportedCard, ImportProblem, MappedField } from "@/lib/imports/schema";
import { FormMessage } from "../../../_components/form-message";
import { KIND_NAMES } from "../../../_components/kind-names";
import { cardBox, inputClass, labelClass, primaryButton, secondaryButton } from "../../../_components/styles";
import { PackageReport } from "./package-report";
import { withImagesAsText } from "@/lib/media/card-images";

type Preview = {
  format: string;
  headers: string[];
  mapping: ColumnMapping | null;
  total: number;
  cards: ImportedCard[];
  problemCount: number;
  problems: ImportProblem[];
  problemRows: number;
  fileProblem: boolean;
  report: ApkgReport | null;
};
type AnkiOptions = { extraFields: ApkgReport["extraFields"]["target"]; nestedDecks: ApkgReport["nestedDecks"]["target"] };
type Choices = { mapping: ColumnMapping | null; anki: AnkiOptions; skipProblems: boolean };

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

async function send(deckId: string, mode: "preview" | "import", file: File, choices: Choices) {
  const body = new FormData();
  body.set("mode", mode);
  body.set("file", file);
  if (choices.mapping) body.set("mapping", JSON.stringify(choices.mapping));
  body.set("extraFields", choices.anki.extraFields);
  body.set("nestedDecks", choices.anki.nestedDecks);
  body.set("skipProblems", String(choices.skipProblems));
  const response = await fetch(`/api/decks/${deckId}/import`, { method: "POST", body });
  return (await response.json()) as { ok: boolean; message?: string; data?: { created: number; updated: number; skipped: number; withHistory: number } } & Partial<Preview>;
}

function importedMessage(data: { created: number; updated: number; skipped: number; withHistory: number }): string {
  const skipped = data.skipped > 0 ? ` ${data.skipped} problem ${data.skipped === 1 ? "row was" : "rows were"} left out.` : "";
  const history = data.withHistory > 0 ? ` ${data.withHistory} ${data.withHistory === 1 ? "card keeps its" : "cards keep their"} review history.` : "";
  return `Imported: ${data.created} new cards, ${data.updated} updated.${skipped}${history}`;
}

/**
 * Upload -> (map columns, Anki choices) -> preview -> Import, or Import without the problem rows, or Cancel; the
 * server parses the file again on Import and writes in one transaction.
 */
export function ImportForm({ deckId }: { deckId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [anki, setAnki] = useState<AnkiOptions>({ extraFields: "explanation", nestedDecks: "tags" });
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  // Cancel gives the file input a new key, which empties it; choosing a file must not.
  const [inputKey, setInputKey] = useState(0);

  async function runPreview(chosen: File, withMapping: ColumnMapping | null, withAnki: AnkiOptions) {
    setPending(true);
    setMessage({});
    const result = await send(deckId, "preview", chosen, { mapping: withMapping, anki: withAnki, skipProblems: false });
    setPending(false);
    if (!result.ok) return setMessage({ error: result.message ?? "The file could not be read." });
    const next = result as Preview;
    setPreview(next);
    setMapping(next.mapping);
  }

  async function runImport(skipProblems: boolean) {
    if (!file) return;
    setPending(true);
    const result = await send(deckId, "import", file, { mapping, anki, skipProblems });
    setPending(false);
    if (!result.ok || !result.data) return setMessage({ error: result.message ?? "Nothing was imported." });
    setDone(true);
    setMessage({ success: importedMessage(result.data) });
  }

  function cancel() {
    setFile(null);
    setPreview(null);
    setMapping(null);
    setDone(false);
    setInputKey((key) => key + 1);
    setMessage({ success: "Cancelled: nothing was imported." });
  }

  function changeMapping(field: MappedField, value: string) {
    if (!mapping || !file) return;
    const next = { ...mapping, [field]: value === "" ? null : Number(value) };
    setMapping(next);
    void runPreview(file, next, anki);
  }

  function changeAnki(next: AnkiOptions) {
    if (!file) return;
    setAnki(next);
    void runPreview(file, mapping, next);
  }

  const canImport = preview !== null && preview.problemCount === 0 && preview.total > 0 && !done;
  const canImportRest = preview !== null && preview.problemCount > 0 && !preview.fileProblem && preview.total > 0 && !done;

  return (
    <div className="flex flex-col gap-4">
      <div className={cardBox}>
        <label htmlFor="import-file" className={labelClass}>File</label>
        <input
          key={inputKey}
          id="import-file"
          type="file"
          accept=".csv,.tsv,.txt,.apkg,text/csv,text/tab-separated-values,text/plain"
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setPreview(null);
            setMapping(null);
            setDone(false);
            setMessage({});
            if (chosen) void runPreview(chosen, null, anki);
          }}
          className="min-h-11 text-base"
        />
        {pending && <p role="status" className="text-muted">Reading…</p>}
      </div>

      {preview && mapping && preview.headers.length > 0 && (
        <fieldset className={cardBox}>
          <legend className="px-1 text-lg font-semibold">Columns</legend>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {(Object.keys(FIELD_LABELS) as MappedField[]).map((field) => (
              <div key={field} className="flex flex-col gap-1">
                <label htmlFor={`map-${field}`} className={labelClass}>{FIELD_LABELS[field]}</label>
                <select id={`map-${field}`} value={mapping[field] ?? ""} onChange={(event) => changeMapping(field, event.target.value)} className={inputClass}>
                  {field !== "front" && <option value="">Not used</option>}
                  {preview.headers.map((header, index) => <option key={index} value={index}>{header || `Column ${index + 1}`}</option>)}
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
          <h2 id="import-preview" className="text-xl font-semibold">Preview</h2>
          {preview.report && <PackageReport report={preview.report} />}
          {preview.problemCount > 0 ? (
            <div role="alert" className="flex flex-col gap-2">
              <p className="font-semibold text-again">
                {preview.fileProblem || preview.total === 0
                  ? "This file cannot be imported:"
                  : `${preview.problemRows} ${preview.problemRows === 1 ? "row has a problem" : "rows have problems"} and cannot come in; ${preview.total} ${preview.total === 1 ? "card is" : "cards are"} ready. Fix the file, or import the rest:`}
              </p>
              <ul className="list-disc pl-5">
                {preview.problems.map((problem, index) => <li key={index} className="break-words">{problem.row}: {problem.message}</li>)}
              </ul>
            </div>
          ) : (
            <p>{preview.total} {preview.total === 1 ? "card" : "cards"} ready{preview.total > preview.cards.length ? `; the first ${preview.cards.length} are shown` : ""}.</p>
          )}
          {preview.cards.length > 0 && (
            <ScrollingTable id="import-preview-cards" title="Cards as they will be imported">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="p-2">Kind</th>
                  <th scope="col" className="p-2">Front</th>
                  <th scope="col" className="p-2">Back</th>
                  <th scope="col" className="p-2">Tags</th>
                </tr>
              </thead>
              <tbody>
                {preview.cards.map((card, index) => (
                  <tr key={index} className="border-b border-line align-top">
                    <td className="p-2">{KIND_NAMES[card.kind]}</td>
                    <td className="p-2 break-words whitespace-pre-line">{withImagesAsText(card.prompt)}</td>
                    <td className="p-2 break-words">{withImagesAsText(card.answer)}{card.choices.length > 0 && <span className="block text-muted">{card.choices.join(" | ")}</span>}</td>
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
              <button type="button" disabled={!canImport || pending} onClick={() => runImport(false)} className={primaryButton}>Import</button>
            )}
            {!done && <button type="button" disabled={pending} onClick={cancel} className={secondaryButton}>Cancel</button>}
            {done && <Link href={`/teach/decks/${deckId}`} className={secondaryButton}>Back to the deck</Link>}
          </div>
        </section>
      )}
      <FormMessage {...message} />
    </div>
  );
}
