import path from "node:path";
import { lintFacts } from "../lib/facts/lint";
import { FactBaseError, listFactFiles, readFactBase } from "../seeds/facts";

// Validates seeds/facts (or the files named) and prints the rubric lint; exit 1 on any problem.
const files = process.argv.slice(2).map((file) => path.resolve(file));
try {
  const { facts } = readFactBase(files.length > 0 ? files : listFactFiles());
  const findings = lintFacts(facts);
  for (const finding of findings) console.log(`${finding.factId} [${finding.rule}] ${finding.message}`);
  console.log(`${facts.length} facts, ${findings.length} lint finding(s).`);
  process.exit(findings.length > 0 ? 1 : 0);
} catch (error) {
  if (!(error instanceof FactBaseError)) throw error;
  console.error(error.message);
  process.exit(1);
}
