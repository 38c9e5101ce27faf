import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { createReviewers } from "../scripts/support/review-load";
import { BROWSER_ARGS, CHROMIUM_PATH } from "../scripts/support/chromium";
import type { BenchStack } from "./support/bench-stack";

/** The JavaScript a first visit to `path` downloads, gzipped as the server would send it. */
async function firstLoadJavaScript(stack: BenchStack, path: string, cookie: string) {
  const html = await (await fetch(`${stack.url}${path}`, { headers: { cookie } })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!))];
  let gzipBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, stack.url))).arrayBuffer());
    gzipBytes += gzipSync(body).length;
  }
  return { scripts: sources.length, gzipKB: Number((gzipBytes / 1024).toFixed(1)) };
}

/** Lighthouse's mobile preset (simulated slow 4G and a mid-range phone) in Debian's Chromium. */
async function lighthouseScores(url: string, cookie: string) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: BROWSER_ARGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      extraHeaders: { cookie },
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      firstContentfulPaintMs: Math.round(audits["first-contentful-paint"]?.numericValue ?? 0),
      largestContentfulPaintMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? 0),
      totalBlockingTimeMs: Math.round(audits["total-blocking-time"]?.numericValue ?? 0),
      cumulativeLayoutShift: Number((audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
    };
  } finally {
    chrome.kill();
  }
}

/** First-load JavaScript and Lighthouse mobile scores of the landing page and the study screen. */
export async function measurePageWeight(stack: BenchStack) {
  const [learner] = await createReviewers(stack.databaseUrl, stack.nextAuthSecret, 1, "pages");
  const cookie = learner!.cookie;
  return {
    studyFirstLoadJs: await firstLoadJavaScript(stack, "/study", cookie),
    lighthouseStudy: await lighthouseScores(`${stack.url}/study`, cookie),
    lighthouseLanding: await lighthouseScores(`${stack.url}/`, ""),
  };
}
