import { z } from "zod";

/**
 * The optional AI assistant's settings. Off unless a deployment names both an OpenAI-compatible endpoint and a
 * model (a local Ollama is `AI_ASSIST_BASE_URL=http://127.0.0.1:11434/v1`, `AI_ASSIST_MODEL=llama3.1`).
 */
export type AiAssistConfig = { baseURL: string; model: string; apiKey: string | undefined; timeoutMs: number };

export const DEFAULT_AI_ASSIST_TIMEOUT_MS = 20_000;

// An empty value (`AI_ASSIST_MODEL=` in an .env file) means unset, so commenting a value out turns the feature off.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const aiAssistEnvSchema = z.object({
  AI_ASSIST_BASE_URL: optional(z.url({ protocol: /^https?$/, error: "AI_ASSIST_BASE_URL must be an http(s) URL such as http://127.0.0.1:11434/v1." })),
  AI_ASSIST_MODEL: optional(z.string().trim().min(1).max(200)),
  AI_ASSIST_API_KEY: optional(z.string().trim().min(1)),
  AI_ASSIST_TIMEOUT_MS: optional(
    z.coerce
      .number({ error: "AI_ASSIST_TIMEOUT_MS must be a number of milliseconds." })
      .int("AI_ASSIST_TIMEOUT_MS must be a whole number of milliseconds.")
      .min(1_000, "AI_ASSIST_TIMEOUT_MS must be at least 1000.")
      .max(600_000, "AI_ASSIST_TIMEOUT_MS must be at most 600000."),
  ),
});

/** The variables aiAssistConfig reads. */
export const AI_ASSIST_ENV_KEYS = Object.keys(aiAssistEnvSchema.shape);

/**
 * The assistant's configuration, or null when the endpoint or the model is unset (the feature is then hidden).
 * A value that is set but invalid throws, naming the variable: a deployer who turned the feature on should hear
 * about a typo rather than find the button silently missing.
 */
export function aiAssistConfig(env: Record<string, string | undefined>): AiAssistConfig | null {
  const parsed = aiAssistEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid AI assist configuration: ${parsed.error.issues.map((issue) => issue.message).join(" ")}`);
  const { AI_ASSIST_BASE_URL: baseURL, AI_ASSIST_MODEL: model, AI_ASSIST_API_KEY: apiKey, AI_ASSIST_TIMEOUT_MS: timeoutMs } = parsed.data;
  if (!baseURL || !model) return null;
  return { baseURL, model, apiKey, timeoutMs: timeoutMs ?? DEFAULT_AI_ASSIST_TIMEOUT_MS };
}
