import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

/**
 * The zones of the codebase (README, "What may import what"). Each rule names the zone it keeps, and
 * tests/unit/lint-zones.test.ts lints probe files that break each one, so a zone cannot quietly lapse.
 */
const PURE_FOLDERS = ["lib/srs/**", "lib/generator/**", "lib/facts/**"];

const pureImports = {
  patterns: [
    {
      group: ["next", "next/*", "react", "react-dom", "next-auth", "next-auth/*"],
      message: "lib/srs, lib/generator and lib/facts are pure: no framework imports.",
    },
    {
      // node:crypto stays: its hashes are pure functions (stable card ids), with no clock, I/O or randomness used.
      group: ["@/lib/db/*", "**/db/*", "pg", "@prisma/*", "node:*", "!node:crypto", "fs", "path", "os", "child_process", "server-only"],
      message: "lib/srs, lib/generator and lib/facts are pure: no I/O, no database and no server-only modules.",
    },
    { group: ["@/app/*", "**/app/*"], message: "lib/ never imports app/." },
  ],
};

const pureClock = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "Pure code takes the time as an argument (`now: Date`); only the edges read the clock.",
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "Pure code takes the time as an argument (`now: Date`); only the edges read the clock.",
  },
];

const envReads = {
  selector: "MemberExpression[object.object.name='process'][object.property.name='env']:not([property.name='NODE_ENV'])",
  message: "Read configuration through lib/env.ts, the one reader of environment variables.",
};
const envObject = {
  selector: "MemberExpression[object.name='process'][property.name='env']:not(MemberExpression > MemberExpression.object)",
  message: "Read configuration through lib/env.ts, the one reader of environment variables.",
};

const modelAccess = [
  {
    selector: "MemberExpression[object.callee.name='getDb']",
    message: "app/ hands getDb() to a lib/<feature> function and never queries a model itself (README, 'The database seam').",
  },
  {
    selector: "MemberExpression[object.name='db']",
    message: "app/ hands getDb() to a lib/<feature> function and never queries a model itself (README, 'The database seam').",
  },
];

const config = [
  { ignores: [".next/**", ".data/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "tests/e2e/screenshots/**", "tests/lint-probes/**"] },
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "lib/**", "tests/lint-probes/**"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["lib/**"],
    ignores: PURE_FOLDERS,
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "**/app/*"], message: "lib/ never imports app/." }] }],
    },
  },
  {
    files: ["app/**", "lib/**"],
    ignores: ["lib/env.ts"],
    rules: { "no-restricted-syntax": ["error", envReads, envObject] },
  },
  { files: PURE_FOLDERS, rules: { "no-restricted-imports": ["error", pureImports], "no-restricted-syntax": ["error", envReads, envObject, ...pureClock] } },
  {
    // Pages and components reach the database only through lib/ feature modules.
    files: ["app/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/db/generated/*"], message: "Go through a lib/<feature> data or mutations module." }] }],
      "no-restricted-syntax": ["error", envReads, envObject, ...modelAccess],
    },
  },
];

export default config;
