import { readdirSync, readFileSync } from "node:fs";

/** A process's fields from /proc/PID/stat after its command name, from "state" (field 3) on; null once it is gone. */
export function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces.
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** The process that started `pid`. */
export function parentPid(pid: number): number {
  return Number(statFields(pid)?.[1]);
}

/** The live processes `parent` started (scripts/serve.mjs starts Next.js as its child; a postmaster, its backends). */
export function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => parentPid(pid) === parent);
}
