/** Messages the page sends the service worker (public/sw.js reads the same names). */
export const CACHE_STUDY_SHELL = "cache-study-shell";

const READY_TIMEOUT_MS = 15_000;

/**
 * Asks the service worker to (re)cache the offline study page and its scripts for the current build and
 * session; true once they are stored. False where there is no service worker (development, old browsers).
 */
export async function cacheStudyShell(): Promise<boolean> {
  if (!("serviceWorker" in navigator)) return false;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_TIMEOUT_MS));
  const registration = await Promise.race([navigator.serviceWorker.ready, timeout]);
  const worker = registration?.active;
  if (!worker) return false;
  const channel = new MessageChannel();
  const reply = new Promise<boolean>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<{ ok?: unknown }>) => resolve(event.data?.ok === true);
  });
  worker.postMessage({ type: CACHE_STUDY_SHELL }, [channel.port2]);
  return (await Promise.race([reply, timeout])) ?? false;
}
