import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { createDeck, createLearner } from "../support/study-fixtures";
import { poolOf } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { studiableDeckWhere } from "@/lib/study/access";
import { STUDIABLE_DECK_SQL } from "@/lib/study/queue/rows";

const db = await createTestDb();

/*
 * Which decks a learner may study is one rule written twice: as a Prisma filter for the pages that read through
 * models, and as SQL for the study paths that read through pg. They must pick the same decks.
 */
describe("the studiable-deck rule", () => {
  it("picks the same decks as a Prisma filter and as SQL: public, own and class-assigned, not others' private", async () => {
    const learner = await createLearner(db);
    const other = await createLearner(db);
    const own = await createDeck(db, learner.id, { count: 0 });
    const pub = await createDeck(db, other.id, { count: 0, isPublic: true });
    const assigned = await createDeck(db, other.id, { count: 0 });
    const otherClass = await createDeck(db, other.id, { count: 0 });
    const hidden = await createDeck(db, other.id, { count: 0 });
    const mine = await db.class.create({ data: { name: "Mine", joinCode: randomUUID().slice(0, 8) } });
    const theirs = await db.class.create({ data: { name: "Theirs", joinCode: randomUUID().slice(0, 8) } });
    await db.classMember.create({ data: { classId: mine.id, userId: learner.id, role: "STUDENT" } });
    await db.classMember.create({ data: { classId: theirs.id, userId: other.id, role: "STUDENT" } });
    await db.assignment.create({ data: { classId: mine.id, deckId: assigned.id } });
    await db.assignment.create({ data: { classId: theirs.id, deckId: otherClass.id } });
    const made = [own, pub, assigned, otherClass, hidden].map((deck) => deck.id);

    for (const userId of [learner.id, other.id]) {
      const viaPrisma = await db.deck.findMany({ where: { AND: [{ id: { in: made } }, studiableDeckWhere(userId)] }, select: { id: true } });
      const viaSql = await sqlRows<{ id: string }>(poolOf(db), `SELECT d.id FROM "Deck" d WHERE d.id = ANY($2::text[]) AND ${STUDIABLE_DECK_SQL}`, [
        userId,
        made,
      ]);
      expect(viaSql.map((deck) => deck.id).sort()).toEqual(viaPrisma.map((deck) => deck.id).sort());
    }
    const forLearner = await sqlRows<{ id: string }>(poolOf(db), `SELECT d.id FROM "Deck" d WHERE d.id = ANY($2::text[]) AND ${STUDIABLE_DECK_SQL}`, [
      learner.id,
      made,
    ]);
    expect(forLearner.map((deck) => deck.id).sort()).toEqual([own.id, pub.id, assigned.id].sort());
  });
});
