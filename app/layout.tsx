import type { Metadata, Viewport } from "next";
import "./globals.css";
import { ServiceWorkerRegistration } from "./_components/service-worker-registration";
import { SiteHeader } from "./_components/site-header";

export const metadata: Metadata = {
  title: { default: "Alliance Recall — NATO flashcards", template: "%s · Alliance Recall" },
  description: "Spaced-repetition flashcards and quizzes on NATO meetings, summits and figures.",
  applicationName: "Alliance Recall",
  // Installed on iOS, the app opens full screen under its short name; Android reads app/manifest.ts.
  appleWebApp: { capable: true, title: "Alliance Recall", statusBarStyle: "default" },
  icons: { icon: [{ url: "/icons/icon-192.png", sizes: "192x192", type: "image/png" }], apple: [{ url: "/icons/apple-touch-icon.png", sizes: "180x180" }] },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#1d4ed8" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 pb-16 pt-4">
          {children}
        </main>
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
