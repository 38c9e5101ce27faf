import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): what a phone needs to install the app and open it on study. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Alliance Recall — NATO flashcards",
    short_name: "Alliance Recall",
    description: "Spaced-repetition flashcards and quizzes on NATO meetings, summits and figures; reviews work offline.",
    start_url: "/study",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f7f8fa",
    theme_color: "#1d4ed8",
    categories: ["education"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
