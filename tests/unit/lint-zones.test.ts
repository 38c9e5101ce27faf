import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The zones in eslint.config.mjs hold: each probe breaks one rule of the house and must be refused, under the
 * path it would have in the project, and code that keeps the rule passes.
 */
const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root, ignore: false });
// import/no-cycle follows imports through files on disk, which a probe linted as text is not; it has its own test.
const textLinter = new ESLint({ cwd: root, ignore: false, overrideConfig: { rules: { "import/no-cycle": "off" } } });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await textLinter.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe("lint zones", { timeout: 30_000 }, () => {
  it.each([
    ["lib/srs/probe.ts", "export const now = Date.now();\n", "no-restricted-syntax: Pure code takes the time"],
    ["lib/generator/probe.ts", "export const now = new Date();\n", "no-restricted-syntax: Pure code takes the time"],
    ["lib/facts/probe.ts", 'import { readFileSync } from "node:fs";\n\nexport const read = readFileSync;\n', "no-restricted-imports"],
    ["lib/srs/probe.ts", 'import { PrismaClient } from "@prisma/client";\n\nexport const client = PrismaClient;\n', "no-restricted-imports"],
    ["lib/generator/probe.ts", 'import "server-only";\n', "no-restricted-imports"],
    ["lib/srs/probe.ts", 'import { getDb } from "@/lib/db/client";\n\nexport const db = getDb;\n', "no-restricted-imports"],
    ["lib/study/probe.ts", 'import Page from "@/app/study/page";\n\nexport const page = Page;\n', "lib/ never imports app/."],
    ["lib/srs/probe.ts", 'import Page from "@/app/study/page";\n\nexport const page = Page;\n', "no-restricted-imports"],
    [
      "app/decks/probe.ts",
      'import { getDb } from "@/lib/db/client";\n\nexport const cards = () => getDb().card.findMany();\n',
      "no-restricted-syntax: app/ hands getDb()",
    ],
    [
      "app/decks/probe.ts",
      'import { getDb } from "@/lib/db/client";\n\nconst db = getDb();\nexport const cards = () => db.card.findMany();\n',
      "no-restricted-syntax: app/ hands getDb()",
    ],
    ["lib/progress/probe.ts", "export const url = process.env.DATABASE_URL;\n", "no-restricted-syntax: Read configuration through lib/env.ts"],
    ["app/settings/probe.ts", "export const all = { ...process.env };\n", "no-restricted-syntax: Read configuration through lib/env.ts"],
  ])("refuses %s: %s", async (filePath, code, expected) => {
    const found = await problems(filePath, code);
    expect(
      found.some((problem) => problem.includes(expected)),
      found.join("\n"),
    ).toBe(true);
  });

  it.each([
    ["lib/srs/probe.ts", "export const later = (now: Date) => new Date(now.getTime() + 1000);\n"],
    [
      "lib/generator/probe.ts",
      'import { createHash } from "node:crypto";\n\nexport const hash = (text: string) => createHash("sha256").update(text).digest("hex");\n',
    ],
    [
      "app/decks/probe.ts",
      'import { getDb } from "@/lib/db/client";\nimport { listStudyDecks } from "@/lib/study/queue/deck-list";\n\nexport const decks = (userId: string, now: Date) => listStudyDecks(getDb(), userId, now);\n',
    ],
    ["app/probe.tsx", 'export const production = process.env.NODE_ENV === "production";\n'],
    ["lib/env.ts", "export const url = process.env.DATABASE_URL;\n"],
  ])("lets %s through", async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([]);
  });

  it("refuses an import cycle", async () => {
    const results = await eslint.lintFiles(["tests/lint-probes/cycle-a.ts"]);
    expect(results[0]!.messages.map((message) => message.ruleId)).toContain("import/no-cycle");
  });
});
