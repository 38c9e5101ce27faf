import { chromium, type Page } from "playwright-core";
import { createReviewers, percentile } from "../scripts/support/review-load";
import { BROWSER_ARGS, CHROMIUM_PATH } from "../scripts/support/chromium";
import type { BenchStack } from "./support/bench-stack";

/**
 * In the page, from the keydown of a grade key: to the first DOM change (the next card committed by React), and
 * to the first frame painted with the next card's "Show answer" button (a message posted from
 * requestAnimationFrame is handled after that frame is painted, so this includes waiting for the frame).
 * Kept as source text because the TypeScript loader wraps named functions in a helper the page does not have.
 */
const PROBE = `
  window.keypressToPaintMs = [];
  window.keypressToCommitMs = [];
  window.addEventListener("keydown", (event) => {
    if (!["1", "2", "3", "4"].includes(event.key)) return;
    const pressedAt = event.timeStamp;
    const observer = new MutationObserver(() => {
      observer.disconnect();
      window.keypressToCommitMs.push(performance.now() - pressedAt);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const channel = new MessageChannel();
    const waitForFrame = () => requestAnimationFrame(() => channel.port2.postMessage(null));
    channel.port1.onmessage = () => {
      const shown = Array.from(document.querySelectorAll("button")).some((b) => b.textContent.trim() === "Show answer");
      if (shown) window.keypressToPaintMs.push(performance.now() - pressedAt);
      else waitForFrame();
    };
    waitForFrame();
  }, { capture: true });
`;

async function expectSamples(page: Page, count: number): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (((await page.evaluate("window.keypressToPaintMs.length")) as number) >= count) return;
    await page.waitForTimeout(20);
  }
  throw new Error("The next card was never painted after a grade key.");
}

/** Keypress to next card painted on the study screen of the production build, in Debian's Chromium. */
export async function measureKeypressToPaint(stack: BenchStack, grades: number) {
  const [reviewer] = await createReviewers(stack.databaseUrl, stack.nextAuthSecret, 1, "keypress");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const [name, value] = reviewer!.cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: stack.url }]);
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(`${stack.url}/study`);
    for (let i = 0; i < grades; i++) {
      await page.getByRole("button", { name: "Show answer" }).waitFor();
      // A click, not Space: a typed-answer card keeps the key for its text box. Only the grade key is timed.
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByRole("button", { name: "Good" }).waitFor();
      await page.keyboard.press(String((i % 3) + 2));
      await expectSamples(page, i + 1);
    }
    const painted = (await page.evaluate("window.keypressToPaintMs")) as number[];
    const committed = (await page.evaluate("window.keypressToCommitMs")) as number[];
    const figure = (values: number[], p: number) => Number(percentile(values, p).toFixed(1));
    return {
      grades: painted.length,
      committedP50Ms: figure(committed, 50),
      committedP95Ms: figure(committed, 95),
      paintedP50Ms: figure(painted, 50),
      paintedP95Ms: figure(painted, 95),
    };
  } finally {
    await browser.close();
  }
}
