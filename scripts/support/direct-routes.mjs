// Plain JavaScript, like serve.mjs: bundles lib/http/direct-routes.ts from source with esbuild (as lib/untrusted
// bundles its worker tasks), since bare Node cannot load TypeScript and Next.js's bundle cannot be imported.
import { renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import esbuild from "esbuild";

/** "server-only" marks modules the browser must not get; this is server code, so the marker is left out. */
const serverOnlyIsEmpty = {
  name: "server-only-is-empty",
  /** @param {import("esbuild").PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
  },
};

/**
 * Builds the direct routes into .next/ and loads them. Packages stay external: `pg`, next-auth and Prisma's runtime
 * load from node_modules as they do for Next.js (in its own process, scripts/support/next-server.mjs).
 * @param {string} root the project folder
 * @returns {Promise<{ serveDirectRoute: (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => boolean }>}
 */
export async function loadDirectRoutes(root) {
  const outfile = path.join(root, ".next", "direct-routes.cjs");
  const built = await esbuild.build({
    entryPoints: [path.join(root, "lib", "http", "direct-routes.ts")],
    absWorkingDir: root,
    outfile,
    write: false,
    bundle: true,
    platform: "node",
    // CommonJS: a named import from a CommonJS package (pg, next-auth/jwt) is a property read, not Node's guess at
    // its export names. import.meta.url (the Prisma client reads it) becomes the bundle's own file.
    format: "cjs",
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    target: "node20",
    packages: "external",
    plugins: [serverOnlyIsEmpty],
    logLevel: "error",
  });
  // Written whole under a name of its own, then renamed: two servers starting on one build never load half a file.
  const partial = `${outfile}.${process.pid}`;
  writeFileSync(partial, built.outputFiles[0].contents);
  renameSync(partial, outfile);
  return createRequire(import.meta.url)(outfile);
}
