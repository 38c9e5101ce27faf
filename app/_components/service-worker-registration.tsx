"use client";
import { useEffect } from "react";

/**
 * Registers public/sw.js, which keeps the app shell and the study page for offline use. Production only:
 * in development a cached shell would hide code changes.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Without a worker the app still works online; offline study just is not available.
    });
  }, []);
  return null;
}
