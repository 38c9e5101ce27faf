// Not "server-only": the seed loader and the `npm run generate` CLI import this outside Next.js.
import type { Db } from "@/lib/db/client";
import type { GeneratedCard, SourceConflict } from "@/lib/generator/types";
import { CARD_COPY_SELECT, toCardColumns, type CardColumns } from "./card-columns";

// jsonb stores object keys in its own order, so JSON values are compared with sorted keys.
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1))) : inner,
  );

function sameColumns(a: CardColumns, b: Record<keyof CardColumns, unknown>): boolean {
  return (Object.keys(a) as (keyof CardColumns)[]).every((key) => canonicalJson(a[key]) === canonicalJson(b[key]));
}

/** Conflict rows are per deck, so the generator's id is scoped by the deck to stay a unique primary key. */
export function conflictRowId(deckId: string, conflictId: string): string {
  return `${deckId}:${conflictId}`;
}

/**
 * Idempotent upsert of generator output into a deck, keyed by (deckId, stableId = card.id): new cards are
 * created, changed ones updated in place (same row, so every student's CardState and review history stay),
 * unchanged ones left alone. Conflicts between sources are upserted the same way. Cards missing from this run
 * are kept: a teacher may have edited or added them, and deleting would erase students' memory.
 */
export async function upsertGeneratedCards(
  db: Db,
  deckId: string,
  cards: GeneratedCard[],
  conflicts: SourceConflict[],
): Promise<{ created: number; updated: number; unchanged: number }> {
  return db.$transaction(
    async (tx) => {
      const existing = await tx.card.findMany({
        where: { deckId, stableId: { in: cards.map((card) => card.id) } },
        select: { id: true, ...CARD_COPY_SELECT },
      });
      const byStableId = new Map(existing.map(({ id, stableId, ...columns }) => [stableId, { id, columns }]));
      const firstNewPosition = ((await tx.card.aggregate({ where: { deckId }, _max: { position: true } }))._max.position ?? -1) + 1;
      const toCreate: (CardColumns & { deckId: string; stableId: string })[] = [];
      let updated = 0;
      for (const card of cards) {
        const found = byStableId.get(card.id);
        if (!found) {
          toCreate.push({ ...toCardColumns(card, firstNewPosition + toCreate.length), deckId, stableId: card.id });
          continue;
        }
        // A card keeps its place; only its content follows the generator.
        const columns = toCardColumns(card, found.columns.position);
        if (sameColumns(columns, found.columns)) continue;
        await tx.card.update({ where: { id: found.id }, data: columns });
        updated += 1;
      }
      // skipDuplicates makes a repeated id inside one run harmless instead of failing the whole write.
      const { count: created } = await tx.card.createMany({ data: toCreate, skipDuplicates: true });
      for (const conflict of conflicts) {
        const id = conflictRowId(deckId, conflict.id);
        const data = { topic: conflict.topic, description: conflict.description, sources: conflict.sources };
        await tx.sourceConflict.upsert({ where: { id }, create: { id, deckId, ...data }, update: data });
      }
      return { created, updated, unchanged: cards.length - created - updated };
    },
    { timeout: 60_000 },
  );
}
