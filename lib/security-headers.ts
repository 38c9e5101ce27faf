/**
 * Headers sent on every response (next.config.ts). The Content-Security-Policy is not among them: it carries
 * a fresh nonce per request, so proxy.ts builds it with `contentSecurityPolicy`.
 */
export function securityHeaders(): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    // Browsers ignore HSTS over plain http, so sending it always is harmless and right behind https.
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  ];
}

/** API answers are data, never documents: nothing in them may load or run, and nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Scripts run only with this request's nonce (Next.js puts it on its own bootstrap and chunk scripts) or when
 * loaded by such a script ('strict-dynamic'); no inline script an attacker could inject carries it. Styles keep
 * 'unsafe-inline' because React writes style attributes (chart bars, progress widths), which a nonce cannot
 * cover; styles cannot run code. Development adds 'unsafe-eval' for React's debugging tools.
 */
export function contentSecurityPolicy(nonce: string, production: boolean): string {
  const scriptSrc = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(production ? [] : [`'unsafe-eval'`])].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
