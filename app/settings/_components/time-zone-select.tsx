"use client";
import { useEffect, useRef } from "react";

/**
 * The time-zone picker. While the account still has the "UTC" default, the browser's own zone is preselected
 * (not saved until the form is), since almost nobody studies on UTC time.
 */
export function TimeZoneSelect({ zones, defaultValue, error }: { zones: string[]; defaultValue: string; error?: string }) {
  const selectRef = useRef<HTMLSelectElement>(null);
  const noteRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const select = selectRef.current;
    if (defaultValue !== "UTC" || !select || !detected || detected === "UTC" || !zones.includes(detected)) return;
    select.value = detected;
    if (noteRef.current) noteRef.current.textContent = `Detected ${detected} from your browser. Save to keep it.`;
  }, [defaultValue, zones]);

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="field-timeZone" className="text-sm font-semibold">
        Time zone
      </label>
      <select
        ref={selectRef}
        id="field-timeZone"
        name="timeZone"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "field-timeZone-note field-timeZone-error" : "field-timeZone-note"}
        className="min-h-12 rounded-lg border border-line bg-surface px-3 text-base text-ink"
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      <p id="field-timeZone-note" ref={noteRef} aria-live="polite" className="text-sm text-muted">
        Your study day and streak follow this zone.
      </p>
      {error && (
        <p id="field-timeZone-error" className="text-sm font-medium text-again">
          {error}
        </p>
      )}
    </div>
  );
}
