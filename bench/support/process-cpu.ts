import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";

/** Linux reports process times in clock ticks; 100 a second on every kernel this runs on. */
const TICK_MS = 10;

function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces; the fields after it start at "state" (field 3).
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU milliseconds a process has used (user + system), and with `reaped`, its exited children's too. */
function processCpuMs(pid: number, reaped = false): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((index) => Number(fields[index]));
  return (utime! + stime! + (reaped ? cutime! + cstime! : 0)) * TICK_MS;
}

function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => Number(statFields(pid)?.[1]) === parent);
}

/** The postmaster: the parent of any backend (`SELECT pg_backend_pid()` names one). */
export function parentPid(pid: number): number {
  return Number(statFields(pid)?.[1]);
}

/** The PostgreSQL server's postmaster, found through one of its backends. */
export async function findPostmaster(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return parentPid((await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid);
  } finally {
    await client.end();
  }
}

/**
 * CPU milliseconds the whole PostgreSQL server has used: the postmaster, its live backends, and the backends that
 * already exited (the postmaster reaps them, so their time is in its children's total). Differences of two
 * readings are the server's work in between.
 */
export function postgresCpuMs(postmaster: number): number {
  return processCpuMs(postmaster, true) + childrenOf(postmaster).reduce((sum, pid) => sum + processCpuMs(pid), 0);
}

/** CPU milliseconds of one process (threads included). */
export function appCpuMs(pid: number): number {
  return processCpuMs(pid);
}

/** CPU milliseconds of this process. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
