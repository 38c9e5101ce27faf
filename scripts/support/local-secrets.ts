import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const localSecretsSchema = z.object({ nextAuthSecret: z.string().min(32), demoPassword: z.string().min(12) });
export type LocalSecrets = z.infer<typeof localSecretsSchema>;

/** Secrets for a local run, generated once into the git-ignored data folder and reused after. */
export function readOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "local-secrets.json");
  if (existsSync(file)) {
    const parsed = localSecretsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets = { nextAuthSecret: randomBytes(32).toString("base64url"), demoPassword: `demo-${randomBytes(6).toString("hex")}` };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
