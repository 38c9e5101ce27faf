import pg from "pg";
import { createDb } from "../lib/db/client";
import { loadStudyQueue } from "../lib/study/queue/data";
import type { BenchStack } from "./support/bench-stack";

const CARDS = 100_000;
const STUDIED = 80_000;
const USER_ID = "bench-queue-100k";

/**
 * A learner with a private deck of 100k cards, 80k of them studied with due dates spread over the next year
 * (a few hundred due on any day, as for a heavy long-term user) and 20k still new. Built once per data folder.
 */
async function ensureHeavyLearner(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query(`SELECT 1 FROM "User" WHERE id = $1`, [USER_ID]);
    if (existing.rowCount) return;
    await client.query("BEGIN");
    await client.query(`INSERT INTO "User" (id, email, name) VALUES ($1, $2, 'Heavy learner')`, [USER_ID, `${USER_ID}@example.org`]);
    await client.query(`INSERT INTO "Deck" (id, "ownerId", name, "updatedAt") VALUES ($1, $1, 'Bench 100k', now())`, [USER_ID]);
    await client.query(
      `INSERT INTO "Card" (id, "deckId", kind, prompt, answer, position, "updatedAt")
       SELECT $1 || '-' || n, $1, 'QA', 'Question ' || n, 'Answer ' || n, n, now() FROM generate_series(1, $2::int) AS n`,
      [USER_ID, CARDS],
    );
    await client.query(
      `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", "updatedAt")
       SELECT $1, $1 || '-' || n, now() + ((n % 367) - 2) * interval '1 day', 30, 5, 30, 0, 4, 0, 2, now() - interval '30 days', now()
       FROM generate_series(1, $2::int) AS n`,
      [USER_ID, STUDIED],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "Card"; ANALYZE "CardState"`);
  } finally {
    await client.end();
  }
}

/** The study queue (due cards plus today's new ones) for a learner with 100k cards, read through lib/study. */
export async function measureQueueFor100kCards(stack: BenchStack, runs: number) {
  await ensureHeavyLearner(stack.databaseUrl);
  const db = createDb(stack.databaseUrl, 4);
  try {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const queue = await loadStudyQueue(db, USER_ID, { now: new Date() });
      times.push(performance.now() - started);
      size = queue.cards.length;
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { cards: CARDS, queueSize: size, medianMs: Number(sorted[Math.floor(runs / 2)]!.toFixed(1)), maxMs: Number(sorted.at(-1)!.toFixed(1)) };
  } finally {
    await db.$disconnect();
  }
}
