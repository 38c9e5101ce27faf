import { ScrollingTable } from "@/app/_components/scrolling-table";
import { showPrompt } from "@/lib/cards/cloze";
import { describeClassForecast, formatExamDay, type ClassForecast } from "@/lib/exams/forecast";
import { KIND_NAMES } from "../../../_components/kind-names";
import { EditCardLink } from "./edit-card-link";

const percent = (share: number) => `${Math.round(share * 100)}%`;
const CARDS_SHOWN = 25;

/** The class's predicted recall on one assignment's exam day: a summary line, each student, each card worst first. */
export function ExamForecast({ forecast, canEdit }: { forecast: ClassForecast; canEdit: boolean }) {
  const headingId = `forecast-${forecast.assignmentId}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="text-lg font-semibold break-words">
        {forecast.deckName}: exam on {formatExamDay(forecast.examDay)}
      </h3>
      <p className="font-medium">{describeClassForecast(forecast)}</p>
      {forecast.students.length > 0 && (
        <ScrollingTable
          id={`${headingId}-students`}
          tableClassName="min-w-[20rem]"
          title={`Predicted recall on exam day per student (average over the deck's cards; unseen cards count as 0), target ${percent(forecast.targetRecall)}`}
        >
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="p-2">
                Student
              </th>
              <th scope="col" className="p-2 text-right">
                Predicted recall
              </th>
            </tr>
          </thead>
          <tbody>
            {forecast.students.map((student) => (
              <tr key={student.userId} className="border-b border-line">
                <th scope="row" className="p-2 font-medium">
                  {student.name}
                </th>
                <td className={`p-2 text-right tabular-nums ${student.reachesTarget ? "text-good" : "font-semibold text-again"}`}>
                  {percent(student.predicted)}
                  <span className="sr-only">{student.reachesTarget ? " (reaches the target)" : " (below the target)"}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <ScrollingTable
        id={`${headingId}-cards`}
        tableClassName="min-w-[24rem]"
        title="Share of the class predicted to recall each card on exam day, worst first"
      >
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2">
              Card
            </th>
            <th scope="col" className="p-2 text-right">
              Class recall
            </th>
            {canEdit && (
              <th scope="col" className="p-2">
                <span className="sr-only">Edit</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {forecast.cards.slice(0, CARDS_SHOWN).map((card) => (
            <tr key={card.cardId} className="border-b border-line align-top">
              <th scope="row" className="p-2 font-normal break-words">
                {showPrompt(card)}
                <span className="block text-xs text-muted">{KIND_NAMES[card.kind as keyof typeof KIND_NAMES] ?? card.kind}</span>
              </th>
              <td className="p-2 text-right tabular-nums">{percent(card.share)}</td>
              {canEdit && (
                <td className="p-2">
                  <EditCardLink deckId={card.deckId} cardId={card.cardId} prompt={showPrompt(card)} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </section>
  );
}
