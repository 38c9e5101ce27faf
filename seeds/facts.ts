import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { formatFactProblems, parseFactBase, type FactBase, type FactFileText } from "../lib/facts/parse";

/**
 * seeds/ of this checkout. Read when called, never at import: in the web server's bundle this file has moved and
 * import.meta.dirname means nothing, so the server passes its working directory's seeds/ instead.
 */
const defaultSeedsDir = () => import.meta.dirname ?? path.join(process.cwd(), "seeds");

/** A fact base that failed validation; the message lists every problem by file and entry. */
export class FactBaseError extends Error {}

const readText = (file: string): FactFileText => ({ file: path.relative(process.cwd(), file) || file, text: readFileSync(file, "utf8") });

/** The fact files to load: every YAML file in seeds/facts, or the ones named. */
export function listFactFiles(dir = path.join(defaultSeedsDir(), "facts")): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".yaml") || file.endsWith(".yml"))
    .sort()
    .map((file) => path.join(dir, file));
}

/** Reads and validates the shipped fact base; throws FactBaseError naming each bad file and entry. */
export function readFactBase(files?: string[], seedsDir = defaultSeedsDir()): FactBase {
  const factFiles = files ?? listFactFiles(path.join(seedsDir, "facts"));
  const restatementsDir = path.join(seedsDir, "sources");
  const restatements = new Map(readdirSync(restatementsDir).map((file) => [file, readFileSync(path.join(restatementsDir, file), "utf8")]));
  const result = parseFactBase({ documents: readText(path.join(seedsDir, "documents.yaml")), factFiles: factFiles.map(readText), restatements });
  if (!result.ok) throw new FactBaseError(`The fact base has ${result.problems.length} problem(s):\n${formatFactProblems(result.problems)}`);
  // An empty base would retire the whole shipped deck on the next load.
  if (result.data.facts.length === 0) throw new FactBaseError(`No facts found in ${factFiles.length} file(s).`);
  return result.data;
}
