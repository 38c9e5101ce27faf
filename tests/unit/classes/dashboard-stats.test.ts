import { describe, expect, it } from "vitest";
import { computeCardRows, computeStudentRows, type DashboardInput } from "@/lib/classes/dashboard-stats";
import { studentTableToCsv } from "@/lib/classes/dashboard-csv";

const NOW = new Date("2026-03-10T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const state = (userId: string, cardId: string, extra: Partial<DashboardInput["states"][number]>) => ({
  userId,
  cardId,
  due: daysAgo(-3),
  state: 2,
  reps: 1,
  lapses: 0,
  difficulty: 5,
  suspended: false,
  ...extra,
});

const INPUT: DashboardInput = {
  now: NOW,
  students: [
    { id: "ana", name: "Ana" },
    { id: "ben", name: "=Ben" },
  ],
  assignments: [{ id: "as1", deckId: "d1", deckName: "Summits" }],
  cards: [
    { id: "k1", deckId: "d1", prompt: "Where?", kind: "QA" },
    { id: "k2", deckId: "d1", prompt: "When?", kind: "QA" },
    { id: "k3", deckId: "d1", prompt: "Who?", kind: "QA" },
    { id: "k4", deckId: "d1", prompt: "How many?", kind: "NUMERIC" },
  ],
  states: [
    state("ana", "k1", { due: daysAgo(0.5), reps: 4, lapses: 2, difficulty: 8 }),
    state("ana", "k2", { due: daysAgo(3), reps: 2, lapses: 0, difficulty: 4 }),
    state("ana", "k3", { due: daysAgo(5), suspended: true }),
    state("ben", "k1", { reps: 2, lapses: 1, difficulty: 6 }),
    state("ben", "k4", { state: 0, reps: 0, due: daysAgo(9) }),
  ],
  reviews: [
    { userId: "ana", cardId: "k1", rating: 1, state: 2, reviewedAt: daysAgo(1) },
    { userId: "ana", cardId: "k1", rating: 3, state: 2, reviewedAt: daysAgo(2) },
    { userId: "ana", cardId: "k2", rating: 3, state: 2, reviewedAt: daysAgo(20) },
    { userId: "ana", cardId: "k2", rating: 1, state: 1, reviewedAt: daysAgo(3) },
    { userId: "ben", cardId: "k1", rating: 3, state: 0, reviewedAt: daysAgo(8) },
  ],
  reviewedPairs: [
    { userId: "ana", cardId: "k1" },
    { userId: "ana", cardId: "k2" },
    { userId: "ana", cardId: "k3" },
    { userId: "ben", cardId: "k1" },
  ],
};

describe("class dashboard", () => {
  it("counts each student's week, retention on review-state cards, due and overdue, and progress", () => {
    const [ana, ben] = computeStudentRows(INPUT);
    expect(ana).toMatchObject({ reviewsLast7Days: 3, retention: 2 / 3, dueNow: 2, overdue: 1 });
    expect(ana!.progress).toEqual([{ assignmentId: "as1", deckName: "Summits", reviewed: 3, total: 4, share: 0.75 }]);
    // Ben's only review is older than a week and of a new card: no retention figure rather than 0% or 100%.
    expect(ben).toMatchObject({ reviewsLast7Days: 0, retention: null, dueNow: 0, overdue: 0 });
    expect(ben!.progress[0]!.share).toBe(0.25);
  });

  it("ranks studied cards by lapse rate, then difficulty", () => {
    const rows = computeCardRows(INPUT);
    expect(rows.map((row) => [row.cardId, row.learners, row.lapseRate, row.averageDifficulty])).toEqual([
      ["k1", 2, 3 / 6, 7],
      ["k3", 1, 0, 5],
      ["k2", 1, 0, 4],
    ]);
  });

  it("shows a cloze card among the class's hardest as its blank, never its answer (issue #21)", () => {
    const cards = INPUT.cards.map((card) => (card.id === "k1" ? { ...card, kind: "CLOZE", prompt: "Allies met in {{c1::Vilnius}}." } : card));
    expect(computeCardRows({ ...INPUT, cards })[0]).toMatchObject({ cardId: "k1", prompt: "Allies met in […]." });
  });

  it("exports the student table as CSV, defusing spreadsheet formulas in names", () => {
    const csv = studentTableToCsv(INPUT.assignments, computeStudentRows(INPUT));
    expect(csv.split("\r\n")).toEqual([
      "Student,Reviews (7 days),Retention (30 days),Due now,Overdue,Progress: Summits",
      "Ana,3,67%,2,1,75%",
      '"\'=Ben",0,,0,0,25%',
    ]);
  });
});
