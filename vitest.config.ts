import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // The real module throws outside React Server Components; data modules are plain Node here.
  "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env: { TZ: "Pacific/Auckland" } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-database.ts"],
          env: { TZ: "America/New_York" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/support/global-app.ts"],
          // One production server and one browser at a time: the machine has two cores.
          fileParallelism: false,
          // A browser test that fails is run once more before it counts: after the load and crash tests two shared
          // cores can starve a page past a 30 s wait (seen once each for smoke and offline-review in three full runs,
          // both green when re-run). A test failing twice still fails the suite.
          retry: 1,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
