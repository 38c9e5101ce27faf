"use client";
import { useState } from "react";
import type { ContextFrame } from "@/lib/generator/context-frame";
import { cardBox, inputClass, labelClass, secondaryButton } from "../_components/styles";

/** The article's event, place and date as read from it; every candidate's stem uses them, so the teacher can fix them. */
export function FrameEditor({ frame, pending, onSubmit }: { frame: ContextFrame; pending: boolean; onSubmit: (frame: ContextFrame) => void }) {
  const [event, setEvent] = useState(frame.event);
  const [place, setPlace] = useState(frame.place ?? "");
  const [date, setDate] = useState(frame.date ?? "");
  return (
    <form
      className={cardBox}
      aria-labelledby="frame-heading"
      onSubmit={(submitted) => {
        submitted.preventDefault();
        onSubmit({ event: event.trim(), ...(place.trim() ? { place: place.trim() } : {}), ...(date.trim() ? { date: date.trim() } : {}) });
      }}
    >
      <h3 id="frame-heading" className="font-semibold">
        What the article is about
      </h3>
      <p className="text-sm text-muted">Read from the title, dateline and first paragraph. Every card names this context, so correct it if it is wrong.</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="flex flex-col gap-1 sm:col-span-3">
          <label htmlFor="frame-event" className={labelClass}>
            Event
          </label>
          <input id="frame-event" value={event} onChange={(change) => setEvent(change.target.value)} maxLength={200} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="frame-place" className={labelClass}>
            Place
          </label>
          <input id="frame-place" value={place} onChange={(change) => setPlace(change.target.value)} maxLength={100} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="frame-date" className={labelClass}>
            Date (YYYY-MM-DD, or a range YYYY-MM-DD/YYYY-MM-DD)
          </label>
          <input id="frame-date" value={date} onChange={(change) => setDate(change.target.value)} maxLength={21} className={inputClass} />
        </div>
      </div>
      <button type="submit" disabled={pending} className={`${secondaryButton} self-start`}>
        Make the candidates again with this context
      </button>
    </form>
  );
}
