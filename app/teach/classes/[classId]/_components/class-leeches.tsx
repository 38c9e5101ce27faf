import { ScrollingTable } from "@/app/_components/scrolling-table";
import { showPrompt } from "@/lib/cards/cloze";
import type { ClassDashboard } from "@/lib/classes/dashboard";
import { CLASS_LEECH_LAPSES, CLASS_LEECH_SHARE } from "@/lib/classes/dashboard-stats";
import { EditCardLink } from "./edit-card-link";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Cards much of the class keeps forgetting, with a way to the editor for decks the teacher owns. */
export function ClassLeechesTable({ dashboard }: { dashboard: ClassDashboard }) {
  const title = `Class leeches: cards that at least ${percent(CLASS_LEECH_SHARE)} of the class forgot ${CLASS_LEECH_LAPSES} times or more`;
  if (dashboard.leeches.length === 0)
    return <p className="text-muted">No class leeches: no card has been forgotten twice by {percent(CLASS_LEECH_SHARE)} of the class.</p>;
  return (
    <ScrollingTable id="class-leeches-table" tableClassName="min-w-[24rem]" title={title}>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="p-2">
            Card
          </th>
          <th scope="col" className="p-2 text-right">
            Students
          </th>
          <th scope="col" className="p-2">
            <span className="sr-only">Edit</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {dashboard.leeches.map((leech) => (
          <tr key={leech.cardId} className="border-b border-line align-top">
            <th scope="row" className="p-2 font-normal break-words">
              {showPrompt(leech)}
              <span className="block text-xs text-muted">{leech.deckName}</span>
            </th>
            <td className="p-2 text-right tabular-nums">
              {leech.students} ({percent(leech.share)})
            </td>
            <td className="p-2">
              {dashboard.editableDeckIds.includes(leech.deckId) && <EditCardLink deckId={leech.deckId} cardId={leech.cardId} prompt={showPrompt(leech)} />}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
