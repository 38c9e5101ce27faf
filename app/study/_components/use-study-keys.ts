import { useEffect, useRef } from "react";
import type { ReviewRating } from "@/lib/srs/grade";

/** The latest card state and handlers the keyboard acts on. */
export type StudyKeys = {
  reveal: () => void;
  grade: (rating: ReviewRating) => Promise<void>;
  undo: () => Promise<void>;
  revealed: boolean;
  hasCard: boolean;
  suggested: ReviewRating | null;
};

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** Study from the keyboard: Space/Enter reveal then accept the suggested grade, 1–4 grade, Z undoes. Ignored while typing. */
export function useStudyKeys(latest: StudyKeys) {
  // One long-lived listener reads the latest handlers.
  const keys = useRef(latest);
  useEffect(() => {
    keys.current = latest;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const current = keys.current;
      if (event.key === "z" || event.key === "Z") return void current.undo();
      if (!current.hasCard) return;
      // Buttons handle their own Space/Enter; elsewhere they reveal, then accept the suggested grade (Good by default).
      if ((event.key === " " || event.key === "Enter") && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        if (current.revealed) void current.grade(current.suggested ?? 3);
        else current.reveal();
      } else if (["1", "2", "3", "4"].includes(event.key) && current.revealed) {
        void current.grade(Number(event.key) as ReviewRating);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
