import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import pg from "pg";
import type { ReviewRating } from "../../lib/srs/grade";
import { studySettingsSchema, type StudySettings } from "../../lib/srs/settings";
import { gradeLocally, type DueCounts } from "../../lib/study/device/session";
import type { CardStateJson } from "../../lib/study/schema";
import { readJson, send } from "./load-client";

/**
 * A student account with a session cookie the app accepts, minted the way next-auth mints its own; `device` is
 * its study screen once opened (openStudyScreens), null when the server's queue gives nothing to balance on.
 */
export type Reviewer = { userId: string; cookie: string; device?: Device | null };

export type LoadReport = {
  /** Review ids the server answered 200 for: each must be in the database, whatever happens after. */
  acknowledged: string[];
  latenciesMs: number[];
  statuses: Record<string, number>;
  seconds: number;
};

const SESSION_COOKIE = "next-auth.session-token";

/** One connection for `work`, closed after it whatever happens. */
export async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `count` students straight in the database. Signing 50 accounts in through the form would trip the
 * per-IP sign-in limit, which is the point of that limit; the token is the same one a sign-in would set.
 */
export async function createReviewers(databaseUrl: string, secret: string, count: number, label: string): Promise<Reviewer[]> {
  const run = randomUUID().slice(0, 8);
  const ids = await withClient(databaseUrl, async (client) => {
    const created: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = `load-${label}-${run}-${i}`;
      await client.query(`INSERT INTO "User" (id, email, name) VALUES ($1, $2, $3)`, [id, `${id}@example.org`, `Load reviewer ${i}`]);
      created.push(id);
    }
    return created;
  });
  return Promise.all(
    ids.map(async (userId) => {
      const token = await encode({ secret, token: { sub: userId, email: `${userId}@example.org`, role: "STUDENT", sessionVersion: 0 } });
      return { userId, cookie: `${SESSION_COOKIE}=${token}` };
    }),
  );
}

/** Cards of the public NATO decks, in a fixed order, for reviewers to work through. */
export async function publicCardIds(databaseUrl: string, limit: number): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query(`SELECT c.id FROM "Card" c JOIN "Deck" d ON d.id = c."deckId" WHERE d."isPublic" ORDER BY c.id LIMIT $1`, [limit]);
    return result.rows.map((row) => row.id as string);
  });
}

/** How many of these review ids the database holds. */
export async function countStoredReviews(databaseUrl: string, reviewIds: string[]): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query(`SELECT count(*)::int AS n FROM "ReviewLog" WHERE id = ANY($1::text[])`, [reviewIds]);
    return result.rows[0].n as number;
  });
}

/** What the study screen keeps between grades: the learner's settings and load from its queue, and each card's state. */
type Device = { settings: StudySettings; dueCounts: DueCounts; states: Map<string, CardStateJson | null> };

/** The study screen's first request: its queue, whose settings and load the device balances its grades on. */
async function openStudyScreen(baseUrl: string, cookie: string): Promise<Device | null> {
  const answer = await send(`${baseUrl}/api/study/queue`, { headers: { cookie } });
  const queue = answer && readJson<{ settings?: unknown; dueCounts?: DueCounts }>(answer);
  const settings = studySettingsSchema.safeParse(queue?.settings);
  // An older build's queue has no settings to balance on; its reviews then go without a chosen day, as its own screen sent them.
  return settings.success ? { settings: settings.data, dueCounts: queue?.dueCounts ?? {}, states: new Map() } : null;
}

/**
 * Each reviewer's study screen, opened (its queue loaded) before a load starts: a benchmark that counts CPU per
 * grade calls this first, so the one queue per screen is not charged to the grades.
 */
export async function openStudyScreens(baseUrl: string, reviewers: Reviewer[]): Promise<Reviewer[]> {
  // A screen already opened keeps what it found, null included (an older build's queue): it is not loaded again.
  return Promise.all(
    reviewers.map(async (reviewer) => (reviewer.device !== undefined ? reviewer : { ...reviewer, device: await openStudyScreen(baseUrl, reviewer.cookie) })),
  );
}

/**
 * A grade as the study screen sends it: to /api/reviews/sync, graded on the device first (lib/study/device) so
 * the review carries the day the device's load balancing chose; to /api/reviews, as the single-grade API takes it.
 */
function reviewBody(endpoint: "sync" | "grade", device: Device | null, cardId: string, rating: ReviewRating, expectedLastReview: string | null) {
  const reviewId = randomUUID();
  const review = { reviewId, cardId, rating, durationMs: 4000 };
  if (endpoint === "grade") return { reviewId, payload: { ...review, expectedLastReview } };
  const reviewedAt = new Date();
  if (!device) return { reviewId, payload: { reviews: [{ ...review, reviewedAt: reviewedAt.toISOString() }] } };
  const local = gradeLocally({ state: device.states.get(cardId) ?? null }, rating, reviewedAt, device.settings, { reviewId, dueCounts: device.dueCounts });
  device.dueCounts = local.dueCounts;
  return { reviewId, payload: { reviews: [{ ...review, reviewedAt: reviewedAt.toISOString(), chosenInterval: local.chosenInterval }] } };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every reviewer grades cards back to back for `durationMs`, as a phone would: one request at a time, the same
 * review id resent after a network error or 5xx until the server answers. Statuses are counted by code
 * ("network" for no answer at all).
 */
export async function runReviewLoad(options: {
  baseUrl: string;
  reviewers: Reviewer[];
  cardIds: string[];
  durationMs: number;
  /**
   * "sync" posts one-review batches to /api/reviews/sync as the study screen does; "grade" posts to
   * /api/reviews, the single-grade API that refuses stale submissions.
   */
  endpoint: "sync" | "grade";
  /** Each reviewer starts a grade every `paceMs` (a person reading the next card); 0 sends back to back. */
  paceMs?: number;
  /** Called with the running report every second, e.g. to kill the server mid-run. */
  onTick?: (report: LoadReport) => void;
}): Promise<LoadReport> {
  const report: LoadReport = { acknowledged: [], latenciesMs: [], statuses: {}, seconds: 0 };
  const count = (status: string) => (report.statuses[status] = (report.statuses[status] ?? 0) + 1);
  // Study screens open before the clock starts: the grades are what is measured.
  const reviewers = options.endpoint === "sync" ? await openStudyScreens(options.baseUrl, options.reviewers) : options.reviewers;
  const started = performance.now();
  const deadline = Date.now() + options.durationMs;
  const ticker = setInterval(() => options.onTick?.(report), 1000);

  async function reviewer({ cookie, device = null }: Reviewer, index: number) {
    const offset = index * 7;
    const lastReview = new Map<string, string | null>();
    let step = 0;
    let body: ReturnType<typeof reviewBody> | null = null;
    const pace = options.paceMs ?? 0;
    // Spread the reviewers over one pace so they do not all press at the same instant.
    if (pace > 0) await sleep((pace * index) / reviewers.length);
    while (Date.now() < deadline) {
      const cardId = options.cardIds[(offset + step) % options.cardIds.length]!;
      body ??= reviewBody(options.endpoint, device, cardId, ((step % 4) + 1) as ReviewRating, lastReview.get(cardId) ?? null);
      const sent = performance.now();
      const response = await send(`${options.baseUrl}${options.endpoint === "sync" ? "/api/reviews/sync" : "/api/reviews"}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify(body.payload),
      });
      if (!response) {
        count("network");
        await sleep(200);
        continue;
      }
      const answer = readJson<{
        state?: { lastReview: string | null };
        current?: { lastReview: string | null } | null;
        cards?: { cardId: string; state: CardStateJson | null }[];
      }>(response);
      report.latenciesMs.push(performance.now() - sent);
      count(String(response.status));
      if (response.status >= 500) {
        await sleep(200);
        continue;
      }
      if (response.status >= 200 && response.status < 300) report.acknowledged.push(body.reviewId);
      for (const card of answer?.cards ?? []) device?.states.set(card.cardId, card.state);
      lastReview.set(cardId, answer?.state?.lastReview ?? answer?.current?.lastReview ?? null);
      body = null;
      step += 1;
      if (pace > 0) await sleep(Math.max(0, pace - (performance.now() - sent)));
    }
  }

  try {
    await Promise.all(reviewers.map((r, i) => reviewer(r, i)));
  } finally {
    clearInterval(ticker);
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** The p-th percentile (0-100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
