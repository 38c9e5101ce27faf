import { QUIZ_LENGTHS } from "@/lib/study/schema";

export type QuizOptions = { length: number; record: boolean };

/** Choose how many questions and whether the answers count toward the schedule. */
export function QuizSetup({
  available,
  options,
  onChange,
  onStart,
}: {
  available: number;
  options: QuizOptions;
  onChange: (options: QuizOptions) => void;
  onStart: () => void;
}) {
  return (
    <form
      className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4"
      onSubmit={(event) => {
        event.preventDefault();
        onStart();
      }}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">Number of questions</legend>
        <div className="grid grid-cols-3 gap-2">
          {QUIZ_LENGTHS.map((length) => (
            <label key={length} className="flex min-h-12 items-center justify-center gap-2 rounded-xl border-2 border-line has-[:checked]:border-brand">
              <input type="radio" name="length" value={length} checked={options.length === length} onChange={() => onChange({ ...options, length })} />
              {length}
            </label>
          ))}
        </div>
        {available < options.length && (
          <p className="text-sm text-muted">
            This deck has {available} quiz questions, so the quiz will have {available}.
          </p>
        )}
      </fieldset>
      <label className="flex min-h-12 items-center gap-3">
        <input type="checkbox" className="size-5" checked={options.record} onChange={(event) => onChange({ ...options, record: event.target.checked })} />
        Record these answers in my schedule
      </label>
      <button type="submit" className="min-h-14 rounded-xl bg-brand text-lg font-semibold text-brand-ink">
        Start quiz
      </button>
    </form>
  );
}
