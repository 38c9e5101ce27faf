// Card text is plain text. An image is written into it as a Markdown image pointing at the app's own media route,
// "![alt](/api/media/<sha256>)", which the card face renders as <img>; nothing else in card text becomes markup.

/** Where an image is served, by the SHA-256 of its bytes (the same bytes always have the same address). */
export const imageUrl = (sha256: string) => `/api/media/${sha256}`;

const ALT_MAX = 100;
const IMAGE_TOKEN = /!\[([^\]\n]*)\]\(\/api\/media\/([0-9a-f]{64})\)/g;

/** The token for one image; the alternative text loses what would end the token early. */
export function imageToken(alt: string, sha256: string): string {
  const clean = alt
    .replace(/[\][\n\r<>]/g, " ")
    .trim()
    .slice(0, ALT_MAX);
  return `![${clean}](${imageUrl(sha256)})`;
}

export type CardTextPart = { kind: "text"; text: string } | { kind: "image"; alt: string; sha256: string };

/** Card text split into its plain-text runs and its images, in order. */
export function splitCardText(text: string): CardTextPart[] {
  const parts: CardTextPart[] = [];
  let cursor = 0;
  for (const match of text.matchAll(IMAGE_TOKEN)) {
    if (match.index > cursor) parts.push({ kind: "text", text: text.slice(cursor, match.index) });
    parts.push({ kind: "image", alt: match[1] ?? "", sha256: match[2]! });
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) parts.push({ kind: "text", text: text.slice(cursor) });
  return parts;
}

/** The SHA-256 of every image a text shows. */
export function imagesIn(text: string): string[] {
  return [...text.matchAll(IMAGE_TOKEN)].map((match) => match[2]!);
}

/** Text for lists and one-line summaries: each image as "[image: alt]". */
export function withImagesAsText(text: string): string {
  return text.replace(IMAGE_TOKEN, (_match, alt: string) => (alt ? `[image: ${alt}]` : "[image]"));
}

export type CardText = { prompt: string; answer: string; explanation: string; choices: string[] };

/** The SHA-256 of every image some of these cards show. */
export const imagesShownBy = (cards: CardText[]) =>
  new Set(cards.flatMap((card) => [card.prompt, card.answer, card.explanation, ...card.choices].flatMap(imagesIn)));
