import { useState } from "react";
import type { ApkgReport } from "@/lib/imports/read-apkg";
import type { ColumnMapping, ImportedCard, ImportProblem, MappedField } from "@/lib/imports/schema";

export type Preview = {
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
export type AnkiOptions = { extraFields: ApkgReport["extraFields"]["target"]; nestedDecks: ApkgReport["nestedDecks"]["target"] };
type Choices = { mapping: ColumnMapping | null; anki: AnkiOptions; skipProblems: boolean };

async function send(deckId: string, mode: "preview" | "import", file: File, choices: Choices) {
  const body = new FormData();
  body.set("mode", mode);
  body.set("file", file);
  if (choices.mapping) body.set("mapping", JSON.stringify(choices.mapping));
  body.set("extraFields", choices.anki.extraFields);
  body.set("nestedDecks", choices.anki.nestedDecks);
  body.set("skipProblems", String(choices.skipProblems));
  const response = await fetch(`/api/decks/${deckId}/import`, { method: "POST", body });
  return (await response.json()) as {
    ok: boolean;
    message?: string;
    data?: { created: number; updated: number; skipped: number; withHistory: number };
  } & Partial<Preview>;
}

function importedMessage(data: { created: number; updated: number; skipped: number; withHistory: number }): string {
  const skipped = data.skipped > 0 ? ` ${data.skipped} problem ${data.skipped === 1 ? "row was" : "rows were"} left out.` : "";
  const history = data.withHistory > 0 ? ` ${data.withHistory} ${data.withHistory === 1 ? "card keeps its" : "cards keep their"} review history.` : "";
  return `Imported: ${data.created} new cards, ${data.updated} updated.${skipped}${history}`;
}

/**
 * The import's state and steps: choosing a file previews it; a column or Anki choice previews again; Import
 * sends the same file with the choices made; Cancel empties the form.
 */
export function useImportFlow(deckId: string) {
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

  function choose(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setMapping(null);
    setDone(false);
    setMessage({});
    if (chosen) void runPreview(chosen, null, anki);
  }

  const canImport = preview !== null && preview.problemCount === 0 && preview.total > 0 && !done;
  const canImportRest = preview !== null && preview.problemCount > 0 && !preview.fileProblem && preview.total > 0 && !done;

  return { preview, mapping, anki, message, done, pending, inputKey, canImport, canImportRest, choose, changeMapping, changeAnki, runImport, cancel };
}
