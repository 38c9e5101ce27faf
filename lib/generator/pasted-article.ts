import { factDateSchema, type SourceDocument } from "@/lib/facts/schema";
import type { SourceDocumentInput } from "./types";

/** The source document id of every fact drawn from the teacher's pasted or uploaded article. */
export const PASTED_ARTICLE = "pasted-article";

/** The article's own date from its front matter, when it is one a fact may carry (YYYY-MM-DD and shorter). */
export function frontMatterDate(article: SourceDocumentInput): string | undefined {
  const date = article.meta?.date?.slice(0, 10);
  return date && factDateSchema.safeParse(date).success ? date : undefined;
}

/**
 * The teacher's article as the source document its cards cite (`publisher, "title" (date)`), for the generator
 * and the AI assistant alike: the article's front matter where it has a publisher and a date, else the date the
 * teacher's frame names.
 */
export function pastedArticleDocument(article: SourceDocumentInput, frame: { date?: string }): SourceDocument {
  return {
    id: PASTED_ARTICLE,
    title: article.name,
    publisher: article.meta?.publisher ?? "Teacher's article",
    date: frontMatterDate(article) ?? frame.date ?? "undated",
    kind: "news report",
  };
}
