import { withClient } from "../../scripts/support/review-load";
import { childrenOf, parentPid, statFields } from "../../scripts/support/process-tree";

/** Linux reports process times in clock ticks; 100 a second on every kernel this runs on. */
const TICK_MS = 10;

/** CPU milliseconds a process has used (user + system), and with `reaped`, its exited children's too. */
function processCpuMs(pid: number, reaped = false): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((index) => Number(fields[index]));
  return (utime! + stime! + (reaped ? cutime! + cstime! : 0)) * TICK_MS;
}

/** The PostgreSQL server's postmaster, found through one of its backends. */
export async function findPostmaster(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => parentPid((await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid));
}

/**
 * CPU milliseconds the whole PostgreSQL server has used: the postmaster, its live backends, and the backends that
 * already exited (the postmaster reaps them, so their time is in its children's total). Differences of two
 * readings are the server's work in between.
 */
export function postgresCpuMs(postmaster: number): number {
  return processCpuMs(postmaster, true) + childrenOf(postmaster).reduce((sum, pid) => sum + processCpuMs(pid), 0);
}

/**
 * CPU milliseconds of the app server: its process (threads included) and the processes it started, since
 * scripts/serve.mjs runs Next.js as a child (pages count there; grades in the parent).
 */
export function appCpuMs(pid: number): number {
  return processCpuMs(pid) + childrenOf(pid).reduce((sum, child) => sum + appCpuMs(child), 0);
}

/** CPU milliseconds of this process. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
