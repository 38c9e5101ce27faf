import "server-only";
import OpenAI from "openai";
import type { AiAssistConfig } from "./config";
import type { ChatClient } from "./propose";

/**
 * The maintained `openai` client pointed at the configured endpoint. Ollama and most local servers ignore the key,
 * but the library insists on one, so a placeholder is sent; it never falls back to OPENAI_API_KEY from the
 * environment, so a deployment's OpenAI key is not sent to a server it did not name. Retries are off: the teacher
 * is waiting, and AI_ASSIST_TIMEOUT_MS is meant as the whole wait.
 */
export function createAiClient(config: AiAssistConfig): ChatClient {
  return new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey ?? "no-key", timeout: config.timeoutMs, maxRetries: 0 });
}
