import { splitCardText } from "@/lib/media/card-images";

/**
 * Card text as React text, with the card's images (the only markup card text has, see lib/media/card-images.ts)
 * as <img> from the app's own media route.
 */
export function CardText({ text }: { text: string }) {
  return splitCardText(text).map((part, index) =>
    part.kind === "text" ? (
      <span key={index}>{part.text}</span>
    ) : (
      // Not next/image: the optimiser would fetch without the viewer's session, which the media route needs.
      // eslint-disable-next-line @next/next/no-img-element
      <img key={index} src={`/api/media/${part.sha256}`} alt={part.alt} className="my-2 block max-h-64 max-w-full rounded-lg object-contain" />
    ),
  );
}
