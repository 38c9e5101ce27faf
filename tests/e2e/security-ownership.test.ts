import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { generateJoinCode } from "@/lib/classes/join-code";
import { callAction, type Client, createAccount, expectNoWrites, listServerActions, openDb, serverAction, signedIn } from "./support/attacker";

/**
 * One learner or teacher reaching for another's rows with real ids, over HTTP against the production server.
 * Every refusal is checked twice: the answer, and a fingerprint of every table showing nothing changed.
 */

const db = openDb();
const stamp = Date.now().toString(36);
const SECRET_PROMPT = `Which codename did T2 keep private ${stamp}?`;

const [t1, t2, studentA, studentB] = await Promise.all([
  createAccount(db, "TEACHER", "t1"),
  createAccount(db, "TEACHER", "t2"),
  createAccount(db, "STUDENT", "student-a"),
  createAccount(db, "STUDENT", "student-b"),
]);

async function privateDeck(ownerId: string, name: string, prompt: string) {
  return db.deck.create({
    data: {
      ownerId,
      name,
      cards: {
        create: [
          { kind: "MCQ", prompt, answer: "Alpha", choices: ["Alpha", "Bravo", "Charlie", "Delta"], position: 0 },
          { kind: "QA", prompt: `${prompt} (short answer)`, answer: "Alpha", position: 1 },
        ],
      },
    },
    select: { id: true, cards: { select: { id: true }, orderBy: { position: "asc" } } },
  });
}

async function classOf(teacherId: string, studentId: string, deckId: string, name: string) {
  return db.class.create({
    data: {
      name,
      joinCode: generateJoinCode(),
      members: {
        create: [
          { userId: teacherId, role: "TEACHER" },
          { userId: studentId, role: "STUDENT" },
        ],
      },
      assignments: { create: { deckId } },
    },
    select: { id: true, joinCode: true, assignments: { select: { id: true } } },
  });
}

const deck2 = await privateDeck(t2.id, `T2 private ${stamp}`, SECRET_PROMPT);
const deck1 = await privateDeck(t1.id, `T1 private ${stamp}`, `T1 question ${stamp}`);
const class2 = await classOf(t2.id, studentB.id, deck2.id, `T2 class ${stamp}`);
const class1 = await classOf(t1.id, studentA.id, deck1.id, `T1 class ${stamp}`);
const [card2, card2qa] = deck2.cards.map((card) => card.id) as [string, string];
const [card1] = deck1.cards.map((card) => card.id) as [string];
const publicCard = await db.card.findFirstOrThrow({ where: { deck: { isPublic: true } }, select: { id: true }, orderBy: { position: "asc" } });

let a: Client;
let b: Client;
let teacher1: Client;
let teacher2: Client;
const reviewOfB = randomUUID();

beforeAll(async () => {
  [a, b, teacher1, teacher2] = await Promise.all([signedIn(studentA), signedIn(studentB), signedIn(t1), signedIn(t2)]);
  const graded = await b.post("/api/reviews", { reviewId: reviewOfB, cardId: card2, rating: 3, durationMs: 4000, expectedLastReview: null });
  expect(graded.status).toBe(200);
});

async function expectRefusedResponse(response: Promise<Response>, statuses: number[]) {
  const answer = await response;
  expect(statuses).toContain(answer.status);
  const body = await answer.text();
  expect(body).not.toContain(SECRET_PROMPT);
  return body;
}

describe("student A with student B's and teacher T2's ids", () => {
  it.each([
    [
      "grade B's private card",
      () => a.post("/api/reviews", { reviewId: randomUUID(), cardId: card2, rating: 4, durationMs: 1, expectedLastReview: null }),
      [404],
    ],
    ["suspend it", () => a.post(`/api/cards/${card2}/actions`, { action: "suspend" }), [404]],
    ["reset it", () => a.post(`/api/cards/${card2}/actions`, { action: "reset" }), [404]],
    ["load its deck's queue", () => a.fetch(`/api/study/queue?deck=${deck2.id}`), [404]],
    ["export the deck", () => a.fetch(`/api/decks/${deck2.id}/export?format=csv`), [404]],
    ["export it as Anki", () => a.fetch(`/api/decks/${deck2.id}/export?format=apkg`), [404]],
    ["import into it", () => a.fetch(`/api/decks/${deck2.id}/import`, { method: "POST", body: new FormData() }), [403]],
    ["export T2's class", () => a.fetch(`/api/classes/${class2.id}/export`), [404]],
    ["undo B's review", () => a.post("/api/reviews/undo", { reviewId: reviewOfB }), [404, 409]],
    [
      "reuse B's review id",
      () => a.post("/api/reviews", { reviewId: reviewOfB, cardId: publicCard.id, rating: 1, durationMs: 1, expectedLastReview: null }),
      [400],
    ],
    [
      "save a quiz on the deck",
      () =>
        a.post("/api/quiz/attempts", {
          attemptId: randomUUID(),
          deckId: deck2.id,
          durationMs: 1,
          record: true,
          answers: [{ cardId: card2, choice: "Alpha", reviewId: randomUUID() }],
        }),
      [404],
    ],
  ] as const)("%s: refused", async (_name, attempt, statuses) => {
    await expectNoWrites(db, () => expectRefusedResponse(attempt(), [...statuses]));
  });

  it.each([
    `/dashboard/decks/${deck2.id}`,
    `/dashboard/cards/${card2}`,
    `/quiz/${deck2.id}`,
    `/study?deck=${deck2.id}`,
    `/teach/decks/${deck2.id}`,
    `/teach/classes/${class2.id}`,
  ])("page %s shows nothing of T2's deck or class", async (url) => {
    const response = await a.fetch(url);
    expect([200, 307, 404]).toContain(response.status);
    const body = await response.text();
    expect(body).not.toContain(SECRET_PROMPT);
    expect(body).not.toContain(studentB.email);
  });

  const teacherActions = listServerActions().filter((action) => action.file.startsWith("app/teach/"));
  it.each(teacherActions.map((action) => [action.name, action] as const))("teacher action %s: forbidden", async (_name, action) => {
    const scope = {
      deckId: deck2.id,
      cardId: card2,
      classId: class2.id,
      userId: studentB.id,
      assignmentId: class2.assignments[0]!.id,
      name: "Taken over",
      isPublic: true,
    };
    const { result } = await expectNoWrites(db, () => callAction(a, action, [scope, { ...scope, cardIds: [card2], targetDeckId: deck2.id }]));
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("fields the server owns are ignored in a review body", async () => {
    const response = await a.post("/api/reviews", {
      reviewId: randomUUID(),
      cardId: publicCard.id,
      rating: 3,
      durationMs: 2000,
      expectedLastReview: null,
      userId: studentB.id,
      role: "TEACHER",
      interval: 36500,
      scheduledDays: 36500,
      due: "2099-01-01T00:00:00.000Z",
      stability: 5000,
      state: 2,
    });
    expect(response.status).toBe(200);
    const mine = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: studentA.id, cardId: publicCard.id } } });
    expect(mine.stability).toBeLessThan(100);
    expect(mine.due.getFullYear()).toBeLessThan(2099);
    expect(mine.scheduledDays).toBeLessThan(365);
    expect(await db.cardState.count({ where: { userId: studentB.id, cardId: publicCard.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: studentA.id }, select: { role: true } })).role).toBe("STUDENT");
  });

  it("a personal import cannot plant states on T2's private cards or on B", async () => {
    const now = new Date().toISOString();
    const state = {
      due: now,
      stability: 3,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 3,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
      last_review: now,
    };
    const response = await a.post("/api/me/import", {
      version: 1,
      exportedAt: now,
      userId: studentB.id,
      settings: {
        desiredRetention: 0.9,
        newCardsPerDay: 20,
        maximumInterval: 36500,
        learningSteps: ["1m"],
        relearningSteps: ["10m"],
        enableFuzz: true,
        timeZone: "UTC",
        dayStartHour: 4,
        fsrsParameters: [],
        role: "TEACHER",
      },
      cardStates: [
        { ...state, cardId: card2, userId: studentB.id },
        { ...state, cardId: card2qa },
      ],
      reviews: [],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ cardStates: 0, skippedCards: 2 });
    expect(await db.cardState.count({ where: { cardId: { in: [card2, card2qa] }, userId: studentA.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: studentA.id }, select: { role: true } })).role).toBe("STUDENT");
    const bState = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: studentB.id, cardId: card2 } } });
    expect(bState.reps).toBe(1);
  });

  it("B's review and state are as B left them", async () => {
    const review = await db.reviewLog.findUniqueOrThrow({ where: { id: reviewOfB } });
    expect(review).toMatchObject({ userId: studentB.id, cardId: card2, rating: 3 });
    expect(await db.cardState.count({ where: { cardId: card2 } })).toBe(1);
  });
});

describe("teacher T1 with teacher T2's class and deck", () => {
  it("T2 itself gets the class CSV and deck page (the refusals below are about T1, not a broken route)", async () => {
    expect((await teacher2.fetch(`/api/classes/${class2.id}/export`)).status).toBe(200);
    const page = await teacher2.fetch(`/teach/decks/${deck2.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(SECRET_PROMPT);
  });

  it.each([
    ["class CSV", () => teacher1.fetch(`/api/classes/${class2.id}/export`), [404]],
    ["deck CSV", () => teacher1.fetch(`/api/decks/${deck2.id}/export?format=csv`), [404]],
    [
      "deck import",
      () => {
        const form = new FormData();
        form.set("mode", "import");
        form.set("file", new File([`front,back\nPlanted,Card\n`], "cards.csv", { type: "text/csv" }));
        return teacher1.fetch(`/api/decks/${deck2.id}/import`, { method: "POST", body: form });
      },
      [404],
    ],
    ["class roster and dashboard page", () => teacher1.fetch(`/teach/classes/${class2.id}`), [404]],
    ["deck page", () => teacher1.fetch(`/teach/decks/${deck2.id}`), [404]],
    ["card editor page", () => teacher1.fetch(`/teach/decks/${deck2.id}/cards/${card2}`), [404]],
  ] as const)("%s: refused", async (_name, attempt, statuses) => {
    const body = await expectNoWrites(db, () => expectRefusedResponse(attempt(), [...statuses]));
    expect(body).not.toContain(studentB.email);
    expect(body).not.toContain(class2.joinCode);
  });

  const generated = { id: "planted-1", kind: "qa", prompt: "Planted?", answer: "Yes", tags: [], source: { document: "x", sentence: "x" } };
  it.each([
    ["regenerateJoinCodeAction", [{ classId: class2.id }]],
    ["removeStudentAction", [{ classId: class2.id, userId: studentB.id }]],
    ["assignDeckAction", [{ classId: class2.id, deckId: deck1.id }]],
    ["assignDeckAction", [{ classId: class1.id, deckId: deck2.id }]],
    ["unassignDeckAction", [{ classId: class2.id, assignmentId: class2.assignments[0]!.id }]],
    ["unassignDeckAction", [{ classId: class1.id, assignmentId: class2.assignments[0]!.id }]],
    ["deleteClassAction", [{ classId: class2.id }]],
    ["updateDeckAction", [{ deckId: deck2.id, name: "Renamed" }]],
    ["setDeckPublicAction", [{ deckId: deck2.id, isPublic: true }]],
    ["deleteDeckAction", [{ deckId: deck2.id }]],
    ["copyDeckAction", [{ deckId: deck2.id }]],
    ["createCardAction", [{ deckId: deck2.id }, { kind: "QA", prompt: "Planted?", answer: "Yes" }]],
    [
      "updateCardAction",
      [
        { deckId: deck1.id, cardId: card2 },
        { kind: "QA", prompt: "Edited?", answer: "Yes" },
      ],
    ],
    ["deleteCardAction", [{ deckId: deck1.id, cardId: card2 }]],
    ["bulkTagAction", [{ deckId: deck1.id }, { cardIds: [card1, card2], add: ["mine"] }]],
    ["bulkMoveAction", [{ deckId: deck1.id }, { cardIds: [card2], targetDeckId: deck1.id }]],
    ["bulkMoveAction", [{ deckId: deck1.id }, { cardIds: [card1], targetDeckId: deck2.id }]],
    ["bulkDeleteAction", [{ deckId: deck1.id }, { cardIds: [card1, card2] }]],
    ["saveGeneratedCardsAction", [{ target: { deckId: deck2.id }, cards: [generated] }]],
  ] as const)("%s with %j: not found", async (name, args) => {
    const { result } = await expectNoWrites(db, () => callAction(teacher1, serverAction(name), [...args]));
    expect(result).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("joining a class", () => {
  it("a wrong code joins nothing", async () => {
    const wrong = class2.joinCode === "AAAAAAAA" ? "CCCCCCCC" : "AAAAAAAA";
    const { result } = await expectNoWrites(db, () => callAction(a, serverAction("joinClassAction"), [{ code: wrong }]));
    expect(result).toMatchObject({ ok: false, code: "not_found" });
  });

  it("the right code makes a student member, and a teacher who joins T2's class gets no teacher view of it", async () => {
    const { result } = await callAction(teacher1, serverAction("joinClassAction"), [{ code: class2.joinCode }]);
    expect(result).toMatchObject({ ok: true, data: { classId: class2.id } });
    const membership = await db.classMember.findUniqueOrThrow({ where: { classId_userId: { classId: class2.id, userId: t1.id } } });
    expect(membership.role).toBe("STUDENT");
    await expectRefusedResponse(teacher1.fetch(`/api/classes/${class2.id}/export`), [404]);
    const page = await expectRefusedResponse(teacher1.fetch(`/teach/classes/${class2.id}`), [404]);
    expect(page).not.toContain(studentB.email);
    const { result: regenerated } = await callAction(teacher1, serverAction("regenerateJoinCodeAction"), [{ classId: class2.id }]);
    expect(regenerated).toMatchObject({ ok: false, code: "not_found" });
  });
});
