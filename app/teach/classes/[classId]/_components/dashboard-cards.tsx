import type { ClassDashboard } from "@/lib/classes/dashboard";
import { KIND_NAMES } from "../../../_components/kind-names";
import { CARDS_SHOWN, percent } from "./dashboard-format";

/** A figure with its label, in a card's grid of figures. */
function Figure({ label, value, alarm = false }: { label: string; value: string; alarm?: boolean }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={`text-lg tabular-nums ${alarm ? "font-semibold text-again" : "font-semibold"}`}>{value}</dd>
    </div>
  );
}

/** On phones, one card per student: progress in each assigned deck first, then reviews, retention and what is due. */
export function StudentCards({ dashboard }: { dashboard: ClassDashboard }) {
  if (dashboard.students.length === 0) return <p className="text-muted">No students yet. Share the join code or link.</p>;
  const deckNames = new Map(dashboard.assignments.map((assignment) => [assignment.id, assignment.deckName]));
  return (
    <div className="flex flex-col gap-2">
      <h3 id="student-cards" className="text-base font-semibold">
        Students
      </h3>
      <ul aria-labelledby="student-cards" className="flex flex-col gap-3">
        {dashboard.students.map((row) => (
          <li key={row.userId} aria-label={row.name} className="flex flex-col gap-2 rounded-xl border border-line p-3">
            <p className="font-semibold break-words">{row.name}</p>
            {row.progress.map((progress) => (
              <p key={progress.assignmentId} className="break-words">
                <span className="text-sm text-muted">{deckNames.get(progress.assignmentId)}: </span>
                <span className="font-semibold tabular-nums">{percent(progress.share)}</span>
                <span className="text-sm text-muted">
                  {" "}
                  ({progress.reviewed} of {progress.total} cards)
                </span>
              </p>
            ))}
            <dl className="grid grid-cols-4 gap-2">
              <Figure label="Reviews, 7 days" value={String(row.reviewsLast7Days)} />
              <Figure label="Retention" value={percent(row.retention)} />
              <Figure label="Due now" value={String(row.dueNow)} />
              <Figure label="Overdue" value={String(row.overdue)} alarm={row.overdue > 0} />
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** On phones, the hardest cards as cards grouped under their deck, with lapse rate and difficulty beside each prompt. */
export function HardestCardList({ dashboard }: { dashboard: ClassDashboard }) {
  if (dashboard.cards.length === 0) return <p className="text-muted">No reviews of assigned cards yet.</p>;
  const byDeck = new Map<string, ClassDashboard["cards"]>();
  for (const card of dashboard.cards.slice(0, CARDS_SHOWN)) byDeck.set(card.deckName, [...(byDeck.get(card.deckName) ?? []), card]);
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-base font-semibold">Cards the class gets wrong most, hardest first</h3>
      {[...byDeck].map(([deckName, cards]) => (
        <section key={deckName} aria-label={`Hardest cards in ${deckName}`} className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold text-muted break-words">{deckName}</h4>
          <ul className="flex flex-col gap-2">
            {cards.map((card) => (
              <li key={card.cardId} className="flex flex-col gap-2 rounded-xl border border-line p-3">
                <p className="break-words">
                  {card.prompt}
                  <span className="block text-xs text-muted">{KIND_NAMES[card.kind as keyof typeof KIND_NAMES] ?? card.kind}</span>
                </p>
                <dl className="grid grid-cols-3 gap-2">
                  <Figure label="Lapse rate" value={percent(card.lapseRate)} />
                  <Figure label="Difficulty (1–10)" value={card.averageDifficulty.toFixed(1)} />
                  <Figure label="Students" value={String(card.learners)} />
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
