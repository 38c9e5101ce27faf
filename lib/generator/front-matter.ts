import type { SourceMeta } from "./types";

/** Front matter of a seed source: the generator's meta plus the raw file it restates. */
export type FrontMatter = SourceMeta & { original?: string; [key: string]: string | undefined };

/** Splits a Markdown source into its `---` front matter (simple `key: value` lines) and body. */
export function parseFrontMatter(text: string): { meta: FrontMatter; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { meta: {}, body: text };
  const meta: FrontMatter = {};
  for (const line of (match[1] ?? "").split(/\r?\n/)) {
    const field = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!field?.[1]) continue;
    meta[field[1]] = unquote((field[2] ?? "").trim());
  }
  return { meta, body: text.slice(match[0].length) };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? (quoted[2] ?? "") : value;
}
