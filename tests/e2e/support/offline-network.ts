import type { BrowserContext, CDPSession, Page, Request, Route } from "playwright-core";

const conditions = (offline: boolean) => ({ offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
const API = /\/api\//;

/**
 * Turns a context's network off and on as a phone's would go. Playwright's offline emulation blocks requests but
 * leaves `navigator.onLine` true in a page loaded while offline, where a phone with no signal says false; `tell`
 * gives such a page the browser's real answer. `on` lifts both, so requests pass again.
 *
 * Emulation is applied to each document as Playwright attaches to it; on a slow CI machine a review sync from a
 * document that the service worker had just served once reached the server while the context was "offline". A
 * phone with no signal reaches nothing, so while off the app's API is also refused at the context's router, and
 * `leaks` lists any API request that still got an answer, for the test to assert on.
 */
export function networkSwitch(context: BrowserContext) {
  const sessions: CDPSession[] = [];
  const leaks: string[] = [];
  let offline = false;
  const refuse = (route: Route) => route.abort("internetdisconnected");
  // Only requests made while off count: one the page sent just before (its offline pack, say) may still finish.
  const sentWhileOff = new WeakSet<Request>();
  context.on("request", (request) => {
    if (offline && API.test(request.url())) sentWhileOff.add(request);
  });
  context.on("requestfinished", (request) => {
    if (sentWhileOff.has(request)) leaks.push(`${request.method()} ${request.url()}`);
  });
  return {
    async off() {
      offline = true;
      await context.route(API, refuse);
      await context.setOffline(true);
    },
    async tell(page: Page) {
      const session = await context.newCDPSession(page);
      await session.send("Network.emulateNetworkConditions", conditions(true));
      sessions.push(session);
    },
    async on() {
      offline = false;
      await context.setOffline(false);
      await context.unroute(API, refuse);
      for (const session of sessions.splice(0)) await session.send("Network.emulateNetworkConditions", conditions(false)).catch(() => undefined);
    },
    /** API requests answered while the network was off: none on a real phone. */
    leaks: () => [...leaks],
  };
}
