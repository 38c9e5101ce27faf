import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import pg from "pg";
import { createReviewers, percentile } from "../scripts/support/review-load";
import { hostileApkg } from "../tests/support/hostile-apkg";
import type { BenchStack } from "./support/bench-stack";

const BASELINE_MS = 10_000;
const HOSTILE_UPLOADS = 5;
const CSV_ROWS = 10_000;

/** A teacher (minted like a signed-in session) with an empty deck to import into. */
async function teacherWithDeck(stack: BenchStack): Promise<{ cookie: string; deckId: string }> {
  const [account] = await createReviewers(stack.databaseUrl, stack.nextAuthSecret, 1, "bench-upload-teacher");
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE "User" SET role = 'TEACHER' WHERE id = $1`, [account!.userId]);
    const deck = await client.query(`INSERT INTO "Deck" (id, "ownerId", name, "updatedAt") VALUES ($1, $2, 'Bench import', now()) RETURNING id`, [
      `bench-deck-${account!.userId}`,
      account!.userId,
    ]);
    return { cookie: account!.cookie, deckId: deck.rows[0].id as string };
  } finally {
    await client.end();
  }
}

const HEALTH_PROBE = path.join(import.meta.dirname, "support", "health-probe.mjs");

/**
 * /api/health asked every 20 ms while `during` runs (or for `ms` when given a duration): each answer's latency, as
 * another user sees it. The probe is its own process: this one also builds and sends the uploads, and a pause of
 * its own event loop would otherwise be counted as the server's.
 */
async function healthLatencies(baseUrl: string, during: Promise<unknown> | number): Promise<number[]> {
  const probe = spawn(process.execPath, [HEALTH_PROBE, baseUrl], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  probe.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = once(probe, "exit");
  await (typeof during === "number" ? new Promise((resolve) => setTimeout(resolve, during)) : during);
  probe.stdin.end();
  await exited;
  return JSON.parse(output) as number[];
}

const summary = (latencies: number[]) => ({
  requests: latencies.length,
  p50Ms: Number(percentile(latencies, 50).toFixed(1)),
  p99Ms: Number(percentile(latencies, 99).toFixed(1)),
  maxMs: Number(Math.max(...latencies).toFixed(1)),
});

/**
 * Event-loop delay as a user sees it: /api/health latency while the server is quiet, while five hostile Anki
 * packages (a recursive view as `col`) are read at once, and while a legal 10,000-row CSV is imported. Uploads
 * are parsed in worker threads, so the two busy figures should stay within 50 ms of the quiet p99. The process's
 * first upload, a small valid CSV, is measured on its own before them: it loads the import route's code and bundles
 * the worker's, once per process whatever the file holds.
 */
export async function measureUploadIsolation(stack: BenchStack) {
  const { cookie, deckId } = await teacherWithDeck(stack);
  const upload = async (bytes: Uint8Array, name: string, mode: "preview" | "import") => {
    const form = new FormData();
    form.set("mode", mode);
    form.set("file", new File([new Uint8Array(bytes)], name));
    const response = await fetch(new URL(`/api/decks/${deckId}/import`, stack.url), { method: "POST", headers: { cookie }, body: form });
    await response.arrayBuffer();
    return response.status;
  };
  const quiet = await healthLatencies(stack.url, BASELINE_MS);
  const firstUpload = upload(new TextEncoder().encode("front,back\nQuestion?,Answer"), "first.csv", "preview");
  const duringFirst = await healthLatencies(stack.url, firstUpload);
  const hostile = await hostileApkg();
  const hostileUploads = Promise.all(Array.from({ length: HOSTILE_UPLOADS }, () => upload(hostile, "hostile.apkg", "preview")));
  const duringHostile = await healthLatencies(stack.url, hostileUploads);
  const csv = ["front,back", ...Array.from({ length: CSV_ROWS }, (_, index) => `Question ${index}?,Answer ${index}`)].join("\n");
  const csvImport = upload(new TextEncoder().encode(csv), "big.csv", "import");
  const duringCsv = await healthLatencies(stack.url, csvImport);
  const rows = {
    quiet: summary(quiet),
    firstUpload: { status: await firstUpload, ...summary(duringFirst) },
    hostileApkgs: { uploads: HOSTILE_UPLOADS, statuses: await hostileUploads, ...summary(duringHostile) },
    csvImport: { rows: CSV_ROWS, status: await csvImport, ...summary(duringCsv) },
  };
  const result = {
    ...rows,
    p99AboveQuietMs: {
      hostileApkgs: Number((rows.hostileApkgs.p99Ms - rows.quiet.p99Ms).toFixed(1)),
      csvImport: Number((rows.csvImport.p99Ms - rows.quiet.p99Ms).toFixed(1)),
    },
  };
  console.error(`[bench] ${JSON.stringify(result)}`);
  return result;
}
