import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { makeCardState, makeUser } from "../support/teacher-fixtures";
import { cardContentSchema } from "@/lib/cards/schema";
import { createCard } from "@/lib/cards/mutations";
import { loadClassDashboard } from "@/lib/classes/dashboard";
import { findTaughtClass, listJoinedClasses } from "@/lib/classes/data";
import { assignDeck, createClass, deleteClass, joinClass, JOIN_LIMIT, regenerateJoinCode, removeStudent, unassignDeck } from "@/lib/classes/mutations";
import { createDeck, setDeckPublic } from "@/lib/decks/mutations";

const db = await createTestDb();
const NOW = new Date("2026-03-10T12:00:00Z");

async function classOf(teacherId: string, name = "Year 12") {
  const result = await createClass(db, teacherId, name);
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

async function deckWithCards(ownerId: string, name: string, prompts: string[]) {
  const deck = await createDeck(db, ownerId, { name, description: "", tags: [] });
  if (!deck.ok) throw new Error(deck.message);
  const cardIds: string[] = [];
  for (const prompt of prompts) {
    const card = await createCard(db, ownerId, deck.data.id, cardContentSchema.parse({ kind: "QA", prompt, answer: "A" }));
    if (card.ok) cardIds.push(card.data.id);
  }
  return { deckId: deck.data.id, cardIds };
}

const plan = (classId: string, deckId: string) => ({ classId, deckId, targetDate: null, dailyGoal: null });

describe("classes", () => {
  it("gives a class a join code; students join with it, teachers remove them and regenerate the code", async () => {
    const teacher = await makeUser(db, "TEACHER");
    const student = await makeUser(db, "STUDENT", "Sam");
    const created = await classOf(teacher.id);
    expect(created.joinCode).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{8}$/);

    expect(await joinClass(db, student.id, created.joinCode, NOW)).toEqual({ ok: true, data: { classId: created.id, name: "Year 12" } });
    expect(await joinClass(db, student.id, created.joinCode, NOW)).toMatchObject({ ok: true });
    const roster = await findTaughtClass(db, teacher.id, created.id);
    expect(roster?.members.map((member) => [member.user.name, member.role])).toEqual([
      [teacher.name, "TEACHER"],
      ["Sam", "STUDENT"],
    ]);

    const regenerated = await regenerateJoinCode(db, teacher.id, created.id);
    if (!regenerated.ok) throw new Error(regenerated.message);
    expect(regenerated.data.joinCode).not.toBe(created.joinCode);
    const late = await makeUser(db, "STUDENT");
    expect(await joinClass(db, late.id, created.joinCode, NOW)).toMatchObject({ ok: false, code: "not_found" });

    expect(await removeStudent(db, teacher.id, created.id, student.id)).toEqual({ ok: true, data: { userId: student.id } });
    expect(await removeStudent(db, teacher.id, created.id, teacher.id)).toMatchObject({ ok: false });
    expect(await db.classMember.count({ where: { classId: created.id } })).toBe(1);
  });

  it("refuses wrong codes and stops guessing after the rate limit", async () => {
    const teacher = await makeUser(db, "TEACHER");
    const guesser = await makeUser(db, "STUDENT");
    const { id, joinCode } = await classOf(teacher.id);
    for (let i = 0; i < JOIN_LIMIT.limit; i++) expect(await joinClass(db, guesser.id, "AAAAAAAA", NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await joinClass(db, guesser.id, joinCode, NOW)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await db.classMember.count({ where: { classId: id, userId: guesser.id } })).toBe(0);
  });

  it("assigns own and public decks (not another's private deck) and shows them in the student's classes", async () => {
    const teacher = await makeUser(db, "TEACHER");
    const other = await makeUser(db, "TEACHER");
    const student = await makeUser(db, "STUDENT");
    const { id: classId, joinCode } = await classOf(teacher.id);
    await joinClass(db, student.id, joinCode, NOW);
    const own = await deckWithCards(teacher.id, "Own", ["Q1"]);
    const publicDeck = await deckWithCards(other.id, "Shared", ["Q2"]);
    const privateDeck = await deckWithCards(other.id, "Private", ["Q3"]);
    await setDeckPublic(db, other.id, publicDeck.deckId, true);

    const assigned = await assignDeck(db, teacher.id, { classId, deckId: own.deckId, targetDate: new Date("2026-04-01T00:00:00Z"), dailyGoal: 20 });
    expect(assigned.ok).toBe(true);
    expect((await assignDeck(db, teacher.id, plan(classId, publicDeck.deckId))).ok).toBe(true);
    expect(await assignDeck(db, teacher.id, plan(classId, privateDeck.deckId))).toMatchObject({ ok: false, code: "not_found" });
    // Assigning again updates the plan instead of failing.
    expect((await assignDeck(db, teacher.id, { ...plan(classId, own.deckId), dailyGoal: 10 })).ok).toBe(true);

    const joined = await listJoinedClasses(db, student.id);
    expect(joined[0]?.assignments.map((a) => [a.deck.name, a.dailyGoal]).sort()).toEqual([
      ["Own", 10],
      ["Shared", null],
    ]);
    if (assigned.ok) expect(await unassignDeck(db, teacher.id, classId, assigned.data.id)).toMatchObject({ ok: true });
    expect(await db.assignment.count({ where: { classId } })).toBe(1);
  });

  it("refuses teacher 1 on teacher 2's class and a student on teacher mutations, changing nothing", async () => {
    const owner = await makeUser(db, "TEACHER");
    const attacker = await makeUser(db, "TEACHER");
    const student = await makeUser(db, "STUDENT");
    const { id: classId, joinCode } = await classOf(owner.id);
    await joinClass(db, student.id, joinCode, NOW);
    const deck = await deckWithCards(owner.id, "Deck", ["Q"]);
    const assignment = await assignDeck(db, owner.id, plan(classId, deck.deckId));
    if (!assignment.ok) throw new Error(assignment.message);
    const attackerDeck = await deckWithCards(attacker.id, "Attacker deck", ["Q"]);
    const snapshot = () => db.class.findUniqueOrThrow({ where: { id: classId }, include: { members: true, assignments: true } });
    const before = await snapshot();

    for (const caller of [attacker.id, student.id]) {
      const attempts = [
        await regenerateJoinCode(db, caller, classId),
        await removeStudent(db, caller, classId, student.id),
        await assignDeck(db, caller, plan(classId, attackerDeck.deckId)),
        await unassignDeck(db, caller, classId, assignment.data.id),
        await deleteClass(db, caller, classId),
      ];
      for (const attempt of attempts) expect(attempt).toMatchObject({ ok: false });
      expect(await findTaughtClass(db, caller, classId)).toBeNull();
      expect(await loadClassDashboard(db, caller, classId, NOW)).toBeNull();
    }
    expect(await createClass(db, student.id, "Student class")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("class dashboard", () => {
  it("reports each student's reviews, retention, due cards and progress, and the hardest cards, for assigned decks only", async () => {
    const teacher = await makeUser(db, "TEACHER");
    const ana = await makeUser(db, "STUDENT", "Ana");
    const { id: classId, joinCode } = await classOf(teacher.id);
    await joinClass(db, ana.id, joinCode, NOW);
    const assigned = await deckWithCards(teacher.id, "Assigned", ["Easy?", "Hard?"]);
    const privateDeck = await deckWithCards(teacher.id, "Not assigned", ["Elsewhere?"]);
    await assignDeck(db, teacher.id, plan(classId, assigned.deckId));
    const [easy, hard] = assigned.cardIds as [string, string];
    await makeCardState(db, ana.id, easy, { due: new Date("2026-03-12T00:00:00Z"), reps: 2, difficulty: 3 });
    await makeCardState(db, ana.id, hard, { due: new Date("2026-03-08T00:00:00Z"), reps: 4, lapses: 2, difficulty: 8 });
    await makeCardState(db, ana.id, privateDeck.cardIds[0]!, { due: new Date("2026-03-01T00:00:00Z") });
    const review = (cardId: string, rating: number, state: number, day: string) =>
      db.reviewLog.create({
        data: {
          id: crypto.randomUUID(),
          userId: ana.id,
          cardId,
          rating,
          state,
          due: new Date(day),
          stability: 1,
          difficulty: 5,
          elapsedDays: 1,
          lastElapsedDays: 1,
          scheduledDays: 1,
          learningSteps: 0,
          reviewedAt: new Date(day),
        },
      });
    await review(easy, 3, 2, "2026-03-09T10:00:00Z");
    await review(hard, 1, 2, "2026-03-08T10:00:00Z");
    await review(hard, 3, 1, "2026-03-08T10:05:00Z");
    await review(privateDeck.cardIds[0]!, 1, 2, "2026-03-09T10:00:00Z");

    const dashboard = await loadClassDashboard(db, teacher.id, classId, NOW);
    expect(dashboard?.students).toEqual([
      {
        userId: ana.id,
        name: "Ana",
        reviewsLast7Days: 3,
        retention: 0.5,
        dueNow: 1,
        overdue: 1,
        progress: [{ assignmentId: expect.any(String), deckName: "Assigned", reviewed: 2, total: 2, share: 1 }],
      },
    ]);
    expect(dashboard?.cards.map((card) => [card.prompt, card.lapseRate, card.averageDifficulty])).toEqual([
      ["Hard?", 0.5, 8],
      ["Easy?", 0, 3],
    ]);
  });
});
