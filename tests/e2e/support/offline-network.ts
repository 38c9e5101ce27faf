import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { inject } from "vitest";
import { newContext } from "./browser";
import net from "node:net";
import { startTcpLink, type TcpLink } from "../../support/tcp-link";

const conditions = (offline: boolean) => ({ offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

export type NetworkSwitch = ReturnType<typeof networkSwitch>;

/**
 * A phone whose network a test can turn off: its context reaches the app only through its own link
 * (tests/support/tcp-link.ts), which is closed when the context is.
 */
export async function phoneWithNetworkSwitch(browser: Browser): Promise<{ context: BrowserContext; network: NetworkSwitch }> {
  const app = new URL(inject("baseUrl"));
  // Bytes pass untouched, so the app sees the Host and Origin the browser uses: the link's.
  const link = await startTcpLink(() => net.connect(Number(app.port), app.hostname));
  const origin = `http://127.0.0.1:${link.port}`;
  const context = await newContext(browser, "phone", { baseURL: origin });
  context.once("close", () => void link.close());
  return { context, network: networkSwitch(context, link, origin) };
}

/**
 * Turns a phone's network off and on. The link is what makes it real: while it is off nothing reaches the server,
 * not a page loaded or reloaded meanwhile, nor a service worker Chromium restarted, which Playwright's emulation
 * can miss. The emulation is kept for what the page sees: `navigator.onLine` false, as on a phone with no signal.
 * It still leaves `navigator.onLine` true in a page loaded while offline; `tell` gives such a page the browser's
 * real answer. `on` restores the link before the emulation, so the sync the page starts when it sees the network
 * again gets through.
 */
function networkSwitch(context: BrowserContext, link: TcpLink, origin: string) {
  const sessions: CDPSession[] = [];
  return {
    async off() {
      // A page that left the link's origin (a redirect to the app's own address, say) would not be cut off.
      const bypassing = context.pages().filter((page) => page.url().startsWith("http") && new URL(page.url()).origin !== origin);
      if (bypassing.length > 0) throw new Error(`Not reached through the link: ${bypassing.map((page) => page.url()).join(", ")}`);
      await link.off();
      await context.setOffline(true);
    },
    async tell(page: Page) {
      const session = await context.newCDPSession(page);
      await session.send("Network.emulateNetworkConditions", conditions(true));
      sessions.push(session);
    },
    async on() {
      await link.on();
      await context.setOffline(false);
      for (const session of sessions.splice(0)) await session.send("Network.emulateNetworkConditions", conditions(false)).catch(() => undefined);
    },
  };
}
