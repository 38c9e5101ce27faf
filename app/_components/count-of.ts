/** "1 review", "65 reviews": a count with its noun in the right number (nouns here take a plain -s). */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
