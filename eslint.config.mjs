import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const pureDomain = {
  patterns: [
    { group: ["next", "next/*", "react", "react-dom", "next-auth", "next-auth/*"], message: "lib/srs, lib/generator and lib/facts are pure: no framework imports." },
    { group: ["@/lib/db/*", "**/db/*", "pg", "node:fs", "node:fs/*", "fs"], message: "lib/srs, lib/generator and lib/facts are pure: no I/O." },
  ],
};

const config = [
  { ignores: [".next/**", ".data/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "tests/e2e/screenshots/**"] },
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["lib/srs/**", "lib/generator/**", "lib/facts/**"], rules: { "no-restricted-imports": ["error", pureDomain] } },
  {
    // Pages and components reach the database only through lib/ feature modules.
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db/generated/*"], message: "Go through a lib/<feature> data or mutations module." }] },
      ],
    },
  },
];

export default config;
