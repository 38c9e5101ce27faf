import { z } from "zod";
import { AI_ASSIST_ENV_KEYS, aiAssistConfig, type AiAssistConfig } from "./ai-assist/config";

/**
 * The one reader of environment variables (README, "Configuration"). Everything else takes what it needs from
 * here, so every variable the app understands is listed in this file and a bad value is refused with its name,
 * when first read rather than deep inside a request.
 */

// An empty value (`GITHUB_ID=` in an .env file) means unset, so commenting a value out turns a feature off.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());
const text = z.string().trim().min(1);

const HOPS = "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10.";

const envSchema = z.object({
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL (npm start sets it for the embedded database).")),
  NEXTAUTH_URL: optional(z.url({ protocol: /^https?$/, error: "NEXTAUTH_URL must be the site's public http(s) URL, such as https://recall.example.org." })),
  // next-auth reads its secret itself; the session-token cache (lib/auth/session-token.ts) decrypts with the same one.
  NEXTAUTH_SECRET: optional(text),
  AUTH_SECRET: optional(text),
  GITHUB_ID: optional(text),
  GITHUB_SECRET: optional(text),
  GOOGLE_ID: optional(text),
  GOOGLE_SECRET: optional(text),
  EMBEDDED_POSTGRES_SHARED_DIR: optional(text),
  // How many reverse proxies in front of the app each append the address they saw to X-Forwarded-For. 0 (the
  // default) means clients connect straight to the app: the socket address is the client and every
  // X-Forwarded-* header a client sends is ignored.
  TRUSTED_PROXY_HOPS: optional(z.coerce.number({ error: HOPS }).int(HOPS).min(0, HOPS).max(10, HOPS)),
});

type Source = Record<string, string | undefined>;

export type AppEnv = Omit<z.infer<typeof envSchema>, "TRUSTED_PROXY_HOPS"> & { trustedProxyHops: number; aiAssist: AiAssistConfig | null };

const READ_KEYS = [...Object.keys(envSchema.shape), ...AI_ASSIST_ENV_KEYS];
// The session check asks for the secret and the site URL on every request, and a parse is two zod schemas over
// sixteen variables; the answer depends on those values alone, so it is kept until one of them changes.
let lastRead: { values: string; env: AppEnv } | null = null;

/** The app's configuration from `source` (the process's environment by default); throws naming each bad variable. */
export function readEnv(source: Source = process.env): AppEnv {
  const values = JSON.stringify(READ_KEYS.map((key) => source[key] ?? null));
  if (lastRead?.values === values) return lastRead.env;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => issue.message).join(" ")}`);
  const { TRUSTED_PROXY_HOPS: hops, ...variables } = parsed.data;
  const env = { ...variables, trustedProxyHops: hops ?? 0, aiAssist: aiAssistConfig(source) };
  lastRead = { values, env };
  return env;
}

/** The environment a child process (the Prisma CLI) inherits, with `overrides` on top. */
export function childProcessEnv(overrides: Source): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
