import { readFileSync } from "node:fs";

/*
 * Where a V8 CPU profile's samples went, by component: each sample is charged to the first frame, from the leaf
 * up, that belongs to a known component, so a socket write issued by pg counts as pg and a zlib call as gzip;
 * Node.js's own code only when no component is on the stack. Shares, not milliseconds: on a loaded machine a
 * sample also counts time the process waited for a core. Usage: npx tsx bench/cpu-profile-top.ts FILE.cpuprofile
 */

type Frame = { functionName: string; url: string };
type Profile = { nodes: { id: number; callFrame: Frame; children?: number[] }[]; samples: number[]; timeDeltas: number[] };

const COMPONENTS: [string, (frame: Frame) => boolean][] = [
  ["Prisma client engine (JS and its query compiler in Wasm)", ({ url }) => /@prisma\/|wasm:\/\/|query_compiler|lib\/db\/generated/.test(url)],
  ["gzip of answers (Next.js compression)", ({ url }) => /node:zlib|compiled\/compression/.test(url)],
  ["Session token crypto (HKDF, AES-GCM, CSRF token)", ({ url }) => /node:internal\/crypto/.test(url)],
  ["pg driver and its socket writes", ({ url }) => /node_modules\/(pg|pg-protocol|pg-pool)\//.test(url)],
  ["Next.js server (routing, request and response)", ({ url }) => /node_modules\/next\//.test(url)],
  [
    "App code (Next.js's chunks and the direct routes' bundle, with next-auth, jose, zod, ts-fsrs)",
    ({ url }) => /\.next\/(server|direct-routes)|node_modules\/(zod|ts-fsrs|next-auth|jose)\//.test(url),
  ],
  ["Garbage collector", ({ functionName }) => functionName === "(garbage collector)"],
];
/** Charged only when no component above is on the stack. */
const NODE_INTERNALS = "Node.js internals (HTTP, streams, promises)";
const IGNORED = new Set(["(idle)", "(program)"]);

function summarize(file: string) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const charged = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const leaf = byId.get(id)!;
    if (IGNORED.has(leaf.callFrame.functionName)) return;
    let component = "Other (module loading, native)";
    let sawNode = false;
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = byId.get(current)!.callFrame;
      const match = COMPONENTS.find(([, test]) => test(frame));
      if (match) {
        component = match[0];
        break;
      }
      sawNode ||= frame.url.startsWith("node:");
    }
    if (component.startsWith("Other") && sawNode) component = NODE_INTERNALS;
    charged.set(component, (charged.get(component) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...charged].sort((a, b) => b[1] - a[1]);
}

const file = process.argv[2];
if (!file) {
  console.error("Usage: npx tsx bench/cpu-profile-top.ts FILE.cpuprofile");
  process.exit(2);
}
const rows = summarize(file);
const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
for (const [component, ms] of rows) console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${component}`);
