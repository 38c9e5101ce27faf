import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, inject } from "vitest";
import { BROWSER_ARGS, CHROMIUM_PATH } from "../../../scripts/support/chromium";

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../screenshots");

/** Debian's Chromium, never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS });
  afterAll(() => browser.close());
  return browser;
}

/** A fresh browser profile on the app, reached at `baseURL` (the app's own address unless a test puts something between). */
export async function newContext(
  browser: Browser,
  viewport: ViewportName,
  { baseURL = inject("baseUrl"), serviceWorkers = "allow" }: { baseURL?: string; serviceWorkers?: "allow" | "block" } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    serviceWorkers,
    viewport: VIEWPORTS[viewport],
    isMobile: viewport === "phone",
    hasTouch: viewport === "phone",
    deviceScaleFactor: 1,
  });
}

/** Saves a full-page screenshot under tests/e2e/screenshots (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string, viewport: ViewportName): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${viewport}.png`), fullPage: true });
}

let counter = 0;
/** A unique email per call so journeys never collide within one run. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.org`;
}
