"use client";
import { Field } from "@/app/_components/field";
import { useActionFeedback } from "@/app/_components/use-action-feedback";
import type { StudySettingsForm as StudySettingsValues } from "@/lib/users/settings-form";
import { saveStudySettingsAction } from "../actions";
import { TimeZoneSelect } from "./time-zone-select";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The scheduling and study-day settings, validated on the server with an error under each field. */
export function StudySettingsForm({ values, zones }: { values: StudySettingsValues; zones: string[] }) {
  // Submitted by hand, not as a form action: a form action resets the fields afterwards, which would replace a
  // refused value with the saved one right next to its error; and the shared hook keeps what was typed when the
  // server cannot be reached or its database is down, instead of leaving the page for the error screen.
  const { errors, message, pending, submit, formProps } = useActionFeedback();
  const error = (name: keyof StudySettingsValues) => errors[name]?.[0];
  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void submit(() => saveStudySettingsAction(data), "Settings saved.");
      }}
      className="flex flex-col gap-4"
      noValidate
    >
      <Field
        label="Desired retention"
        name="desiredRetention"
        defaultValue={String(values.desiredRetention)}
        hint="The share of reviews you aim to remember, from 0.70 to 0.99. Higher means more reviews."
        error={error("desiredRetention")}
      />
      <Field label="New cards per day" name="newCardsPerDay" type="number" defaultValue={String(values.newCardsPerDay)} error={error("newCardsPerDay")} />
      <Field
        label="Maximum interval (days)"
        name="maximumInterval"
        type="number"
        defaultValue={String(values.maximumInterval)}
        error={error("maximumInterval")}
      />
      <Field
        label="Learning steps"
        name="learningSteps"
        defaultValue={values.learningSteps.join(" ")}
        hint="Gaps before a new card graduates, like 1m 10m (m minutes, h hours, d days)."
        error={error("learningSteps")}
      />
      <Field
        label="Relearning steps"
        name="relearningSteps"
        defaultValue={values.relearningSteps.join(" ")}
        hint="Gaps after you forget a card, like 10m."
        error={error("relearningSteps")}
      />
      <div className="flex flex-col gap-1">
        <label className="flex min-h-11 items-center gap-2 font-semibold">
          <input type="checkbox" name="enableFuzz" defaultChecked={values.enableFuzz} className="size-5" aria-describedby="fuzz-hint" />
          Fuzz
        </label>
        <p id="fuzz-hint" className="text-sm text-muted">
          Spreads due dates by a day or two so cards learned together do not all return together.
        </p>
      </div>
      <TimeZoneSelect zones={zones} defaultValue={values.timeZone} error={error("timeZone")} />
      <Field
        label="Day starts at (hour)"
        name="dayStartHour"
        type="number"
        defaultValue={String(values.dayStartHour)}
        hint="0 to 23. Reviews before this hour count toward the previous day."
        error={error("dayStartHour")}
      />
      <Field
        label="Leech after this many lapses"
        name="leechThreshold"
        type="number"
        defaultValue={String(values.leechThreshold)}
        hint="A card you forget this often is tagged a leech, to rewrite or drop. 1 to 99."
        error={error("leechThreshold")}
      />
      <label className="flex min-h-11 items-center gap-2 font-semibold">
        <input type="checkbox" name="suspendLeeches" defaultChecked={values.suspendLeeches} className="size-5" />
        Suspend leeches
      </label>
      <a href="/leeches" className="flex min-h-11 items-center self-start font-semibold text-brand underline">
        Your leeches
      </a>
      <fieldset className="flex flex-col gap-1" aria-describedby="easy-days-hint">
        <legend className="font-semibold">Easy days</legend>
        <div className="flex flex-wrap gap-x-4">
          {WEEKDAYS.map((name, day) => (
            <label key={name} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="easyDays" value={day} defaultChecked={values.easyDays.includes(day)} className="size-5" />
              {name}
            </label>
          ))}
        </div>
        <p id="easy-days-hint" className="text-sm text-muted">
          Days with fewer reviews: when a card may fall on one of several days, it avoids these.
        </p>
        {error("easyDays") && <p className="text-sm font-medium text-again">{error("easyDays")}</p>}
      </fieldset>
      <p role="status" className={message.success ? "font-medium text-good" : "font-medium text-again"}>
        {message.success ?? message.error ?? ""}
      </p>
      <button type="submit" disabled={pending} className="min-h-12 self-start rounded-lg bg-brand px-6 font-semibold text-brand-ink disabled:opacity-60">
        Save settings
      </button>
    </form>
  );
}
