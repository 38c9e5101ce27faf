import { parseFrontMatter } from "@/lib/generator/front-matter";
import type { SourceDocumentInput } from "@/lib/generator/types";
import { htmlToText } from "@/lib/imports/anki-html";

/**
 * A pasted or uploaded article as a generator input: HTML (by file name) loses scripts, styles and tags; Markdown
 * front matter supplies the title. The generator itself only ever sees plain text.
 */
export function toSourceDocument(name: string, text: string): SourceDocumentInput {
  const lower = name.toLowerCase();
  if (lower.endsWith(".html") || lower.endsWith(".htm")) {
    const body = text.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, " ").replace(/<!--[\s\S]*?-->/g, " ");
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
    const content = /<body[^>]*>([\s\S]*)<\/body>/i.exec(body)?.[1] ?? body;
    return {
      name: (title && htmlToText(title)) || name,
      text: htmlToText(content.replace(/<\/(h[1-6]|li|tr|section|article|blockquote)>/gi, "\n\n").replace(/<\/p>/gi, "\n\n")),
    };
  }
  const { meta, body } = parseFrontMatter(text);
  return { name: meta.title ?? name, text: body, meta };
}
