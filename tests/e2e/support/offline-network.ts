import type { BrowserContext, CDPSession, Page } from "playwright-core";

const conditions = (offline: boolean) => ({ offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

/**
 * Turns a context's network off and on as a phone's would go. Playwright's offline emulation blocks requests but
 * leaves `navigator.onLine` true in a page loaded while offline, where a phone with no signal says false; `tell`
 * gives such a page the browser's real answer. `on` lifts both, so requests pass again.
 */
export function networkSwitch(context: BrowserContext) {
  const sessions: CDPSession[] = [];
  return {
    async off() {
      await context.setOffline(true);
    },
    async tell(page: Page) {
      const session = await context.newCDPSession(page);
      await session.send("Network.emulateNetworkConditions", conditions(true));
      sessions.push(session);
    },
    async on() {
      await context.setOffline(false);
      for (const session of sessions.splice(0)) await session.send("Network.emulateNetworkConditions", conditions(false)).catch(() => undefined);
    },
  };
}
