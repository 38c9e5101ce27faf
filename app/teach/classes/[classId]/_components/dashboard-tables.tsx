import { ScrollingTable } from "@/app/_components/scrolling-table";
import type { ClassDashboard } from "@/lib/classes/dashboard";
import { KIND_NAMES } from "../../../_components/kind-names";
import { CARDS_SHOWN, percent } from "./dashboard-format";

export function StudentTable({ dashboard }: { dashboard: ClassDashboard }) {
  if (dashboard.students.length === 0) return <p className="text-muted">No students yet. Share the join code or link.</p>;
  return (
    <ScrollingTable
      id="student-table"
      tableClassName="min-w-[32rem]"
      title="Students: reviews in the last 7 days, retention over 30 days, cards due, and progress in each assigned deck"
    >
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="p-2">
            Student
          </th>
          <th scope="col" className="p-2 text-right">
            Reviews (7 days)
          </th>
          <th scope="col" className="p-2 text-right">
            Retention
          </th>
          <th scope="col" className="p-2 text-right">
            Due now
          </th>
          <th scope="col" className="p-2 text-right">
            Overdue
          </th>
          {dashboard.assignments.map((assignment) => (
            <th key={assignment.id} scope="col" className="p-2 text-right">
              {assignment.deckName}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {dashboard.students.map((row) => (
          <tr key={row.userId} className="border-b border-line">
            <th scope="row" className="p-2 font-medium">
              {row.name}
            </th>
            <td className="p-2 text-right tabular-nums">{row.reviewsLast7Days}</td>
            <td className="p-2 text-right tabular-nums">{percent(row.retention)}</td>
            <td className="p-2 text-right tabular-nums">{row.dueNow}</td>
            <td className={`p-2 text-right tabular-nums ${row.overdue > 0 ? "font-semibold text-again" : ""}`}>{row.overdue}</td>
            {row.progress.map((progress) => (
              <td key={progress.assignmentId} className="p-2 text-right tabular-nums">
                {percent(progress.share)}{" "}
                <span className="text-muted">
                  ({progress.reviewed}/{progress.total})
                </span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}

export function HardestCardsTable({ dashboard }: { dashboard: ClassDashboard }) {
  if (dashboard.cards.length === 0) return <p className="text-muted">No reviews of assigned cards yet.</p>;
  return (
    <ScrollingTable
      id="hardest-cards-table"
      tableClassName="min-w-[32rem]"
      title="Cards the class gets wrong most: lapses per review and average difficulty (1 easy to 10 hard), hardest first"
    >
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="p-2">
            Card
          </th>
          <th scope="col" className="p-2">
            Deck
          </th>
          <th scope="col" className="p-2 text-right">
            Students
          </th>
          <th scope="col" className="p-2 text-right">
            Lapse rate
          </th>
          <th scope="col" className="p-2 text-right">
            Difficulty
          </th>
        </tr>
      </thead>
      <tbody>
        {dashboard.cards.slice(0, CARDS_SHOWN).map((card) => (
          <tr key={card.cardId} className="border-b border-line align-top">
            <th scope="row" className="p-2 font-normal break-words">
              {card.prompt}
              <span className="block text-xs text-muted">{KIND_NAMES[card.kind as keyof typeof KIND_NAMES] ?? card.kind}</span>
            </th>
            <td className="p-2">{card.deckName}</td>
            <td className="p-2 text-right tabular-nums">{card.learners}</td>
            <td className="p-2 text-right tabular-nums">{percent(card.lapseRate)}</td>
            <td className="p-2 text-right tabular-nums">{card.averageDifficulty.toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
