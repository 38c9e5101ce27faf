import { expect, it } from "vitest";
import { launchBrowser, newContext, uniqueEmail } from "./support/browser";

const browser = await launchBrowser();

it("slows password guessing on one account with 429 and Retry-After", async () => {
  const context = await newContext(browser, "desktop");
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const email = uniqueEmail("guess-target");
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let attempt = 0; attempt < 11; attempt++) {
    const response = await context.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: `wrong guess ${attempt}`, json: "true" },
      maxRedirects: 0,
    });
    statuses.push(response.status());
    retryAfter = response.headers()["retry-after"];
  }
  expect(statuses.slice(0, 10).every((status) => status !== 429)).toBe(true);
  expect(statuses[10]).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  await context.close();
});
