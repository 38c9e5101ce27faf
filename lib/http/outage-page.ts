import { OUTAGE_RETRY_AFTER_SECONDS } from "@/lib/db/availability";

/**
 * The page every page request gets while the database is down: plain HTML with no script and no server data, so
 * it needs nothing that is down. The session cookie is left alone; a signed-in learner is told so and led to the
 * device's own study page (a study page asked for a deck, to that deck's copy on the device). A visitor who is not
 * signed in has nothing on the device to go on with, so is only asked to come back.
 */
export function outagePage(deckId: string | null, signedIn: boolean): Response {
  const studyHere = deckId && /^[A-Za-z0-9_-]{1,64}$/.test(deckId) ? `/study/offline?deck=${deckId}` : "/study/offline";
  const whatNow = signedIn
    ? `<p>You are still signed in. Reviews you make are kept on this device and sent when the service is back. Try this page again in a minute.</p>
<a href="${studyHere}">Keep reviewing on this device</a>`
    : `<p>Nothing you did caused this, and nothing is lost. Try this page again in a minute.</p>`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · Alliance Recall</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; background: #f8fafc; color: #0f172a; }
  main { max-width: 36rem; margin: 0 auto; padding: 3rem 1rem; display: flex; flex-direction: column; gap: 1rem; }
  h1 { font-size: 1.25rem; margin: 0; }
  a { display: flex; min-height: 3rem; align-items: center; justify-content: center; border-radius: 0.75rem; background: #1d4ed8; color: #fff; font-weight: 600; text-decoration: none; }
  a:focus-visible { outline: 3px solid #0f172a; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) { body { background: #0b1120; color: #e2e8f0; } a:focus-visible { outline-color: #e2e8f0; } }
</style>
</head>
<body>
<main>
<h1>Alliance Recall is temporarily unavailable; your reviews are safe on this device.</h1>
${whatNow}
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(OUTAGE_RETRY_AFTER_SECONDS),
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
