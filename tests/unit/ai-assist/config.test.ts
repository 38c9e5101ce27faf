import { describe, expect, it } from "vitest";
import { aiAssistConfig, DEFAULT_AI_ASSIST_TIMEOUT_MS } from "@/lib/ai-assist/config";

describe("aiAssistConfig", () => {
  it("is off (null) unless both the endpoint and the model are set", () => {
    expect(aiAssistConfig({})).toBeNull();
    expect(aiAssistConfig({ AI_ASSIST_BASE_URL: "http://127.0.0.1:11434/v1" })).toBeNull();
    expect(aiAssistConfig({ AI_ASSIST_MODEL: "llama3.1" })).toBeNull();
    // A value commented out to nothing in an .env file turns the feature off, too.
    expect(aiAssistConfig({ AI_ASSIST_BASE_URL: "", AI_ASSIST_MODEL: "llama3.1" })).toBeNull();
    expect(aiAssistConfig({ AI_ASSIST_BASE_URL: "http://127.0.0.1:11434/v1", AI_ASSIST_MODEL: "  " })).toBeNull();
  });

  it("reads a local Ollama without a key, with the default timeout", () => {
    expect(aiAssistConfig({ AI_ASSIST_BASE_URL: "http://127.0.0.1:11434/v1", AI_ASSIST_MODEL: "llama3.1", OPENAI_API_KEY: "sk-elsewhere" })).toEqual({
      baseURL: "http://127.0.0.1:11434/v1",
      model: "llama3.1",
      apiKey: undefined,
      timeoutMs: DEFAULT_AI_ASSIST_TIMEOUT_MS,
    });
    expect(DEFAULT_AI_ASSIST_TIMEOUT_MS).toBe(20_000);
  });

  it("reads a key and a timeout", () => {
    const config = aiAssistConfig({
      AI_ASSIST_BASE_URL: "https://llm.example.org/v1",
      AI_ASSIST_MODEL: "m",
      AI_ASSIST_API_KEY: "secret",
      AI_ASSIST_TIMEOUT_MS: "45000",
    });
    expect(config).toEqual({ baseURL: "https://llm.example.org/v1", model: "m", apiKey: "secret", timeoutMs: 45_000 });
  });

  it("throws, naming the variable, for a value that is set but invalid", () => {
    expect(() => aiAssistConfig({ AI_ASSIST_BASE_URL: "localhost:11434", AI_ASSIST_MODEL: "m" })).toThrow(/AI_ASSIST_BASE_URL/);
    expect(() => aiAssistConfig({ AI_ASSIST_BASE_URL: "ftp://example.org", AI_ASSIST_MODEL: "m" })).toThrow(/AI_ASSIST_BASE_URL/);
    expect(() => aiAssistConfig({ AI_ASSIST_BASE_URL: "http://127.0.0.1:11434/v1", AI_ASSIST_MODEL: "m", AI_ASSIST_TIMEOUT_MS: "soon" })).toThrow(
      /AI_ASSIST_TIMEOUT_MS/,
    );
    expect(() => aiAssistConfig({ AI_ASSIST_BASE_URL: "http://127.0.0.1:11434/v1", AI_ASSIST_MODEL: "m", AI_ASSIST_TIMEOUT_MS: "10" })).toThrow(
      /at least 1000/,
    );
  });
});
