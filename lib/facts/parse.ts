import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { documentSchema, factFileSchema, factSchema, type Fact, type SourceDocument } from "./schema";

/** One YAML file's name and text; reading the disk is the caller's job so this stays pure. */
export type FactFileText = { file: string; text: string };

/** Every problem found, each naming the file, the entry and what is wrong. */
export type FactProblem = { file: string; entry: string; message: string };

export type FactBase = { facts: Fact[]; documents: SourceDocument[] };

export type FactBaseResult = { ok: true; data: FactBase } | { ok: false; problems: FactProblem[] };

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.filter((part) => typeof part === "string" || typeof part === "number").join(".");
    if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) return `${where} is missing.`;
    return where && !issue.message.startsWith(where) ? `${where}: ${issue.message}` : issue.message;
  });
}

function entryName(raw: unknown, index: number): string {
  const id = typeof raw === "object" && raw !== null && "id" in raw ? String((raw as { id: unknown }).id) : "";
  return id ? `#${index + 1} (${id})` : `#${index + 1}`;
}

function parseList<T>(file: FactFileText, schema: z.ZodType<T>, problems: FactProblem[]): T[] {
  let raw: unknown;
  try {
    raw = parseYaml(file.text);
  } catch (error) {
    problems.push({ file: file.file, entry: "-", message: `not valid YAML: ${(error as Error).message.split("\n")[0]}` });
    return [];
  }
  const list = factFileSchema.safeParse(raw ?? []);
  if (!list.success) {
    problems.push({ file: file.file, entry: "-", message: describeIssues(list.error).join("; ") });
    return [];
  }
  const parsed: T[] = [];
  list.data.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else for (const message of describeIssues(result.error)) problems.push({ file: file.file, entry: entryName(item, index), message });
  });
  return parsed;
}

/** Normalizes whitespace so a `>-` folded YAML block matches the one-line sentence in a restatement. */
const squash = (value: string) => value.replace(/\s+/g, " ").trim();

/**
 * Parses and cross-checks the fact base: every entry against the schema, ids unique, every cited document known,
 * every `support` sentence present verbatim in the restatement it cites, every cloze blank equal to the answer.
 * All-or-nothing: any problem means no facts, so a half-valid base is never loaded.
 */
export function parseFactBase(input: {
  documents: FactFileText;
  factFiles: FactFileText[];
  /** Restatement file name (seeds/sources) -> its text. */
  restatements: ReadonlyMap<string, string>;
}): FactBaseResult {
  const problems: FactProblem[] = [];
  const documents = parseList(input.documents, documentSchema, problems);
  const documentsById = new Map(documents.map((document) => [document.id, document]));
  const factsWithFile: { fact: Fact; file: string }[] = [];
  for (const file of input.factFiles) for (const fact of parseList(file, factSchema, problems)) factsWithFile.push({ fact, file: file.file });

  const seen = new Map<string, string>();
  for (const { fact, file } of factsWithFile) {
    const report = (message: string) => problems.push({ file, entry: fact.id, message });
    const earlier = seen.get(fact.id);
    if (earlier) report(`id is already used in ${earlier}.`);
    seen.set(fact.id, file);
    for (const source of fact.sources) {
      const document = documentsById.get(source.document);
      if (!document) {
        report(`sources: unknown document "${source.document}" (add it to seeds/documents.yaml).`);
        continue;
      }
      if (!document.restatement) continue;
      const restated = input.restatements.get(document.restatement);
      if (restated === undefined) report(`sources: the restatement ${document.restatement} of "${document.id}" is missing.`);
      else if (!squash(restated).includes(squash(source.support)))
        report(`sources: the support sentence is not a line of ${document.restatement}: "${squash(source.support).slice(0, 80)}".`);
    }
    const cited = [
      ...(fact.status === "corrected" ? fact.correction.claimedIn : []),
      ...(fact.status === "disputed" ? fact.dispute.positions.map((p) => p.document) : []),
    ];
    for (const id of cited) if (!documentsById.has(id)) report(`status: unknown document "${id}".`);
    if (fact.cloze) {
      const blanks = [...fact.cloze.matchAll(/\{\{([^{}]+)\}\}/g)].map((match) => squash(match[1]!));
      const answers = [fact.answer.text, ...fact.answer.accept].map(squash);
      if (blanks.length !== 1) report("cloze: mark exactly one blank.");
      else if (!answers.includes(blanks[0]!)) report(`cloze: the blank "${blanks[0]}" is not the answer "${fact.answer.text}".`);
    }
    if (fact.distractors.length > 0 && fact.distractors.length !== 3) report(`distractors: give exactly 3, not ${fact.distractors.length}.`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, data: { facts: factsWithFile.map(({ fact }) => fact), documents } };
}

export function formatFactProblems(problems: readonly FactProblem[]): string {
  return problems.map((problem) => `${problem.file} ${problem.entry}: ${problem.message}`).join("\n");
}
