import { useRouter } from "next/navigation";
import { useState } from "react";
import { reachAction } from "@/app/_components/reach-action";
import type { ActionResult } from "@/lib/errors";
import { bulkDeleteAction, bulkMoveAction, bulkTagAction } from "../cards/actions";

type BulkResult = ActionResult<{ count: number }>;

/**
 * The card table's checked cards and what the bar above does with them: add or remove a tag, move to another
 * deck, delete after a confirmation. A done action clears the checks and reloads the page's cards.
 */
export function useCardSelection(deckId: string, shown: { id: string }[], otherDecks: { id: string }[]) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [tag, setTag] = useState("");
  const [targetDeckId, setTargetDeckId] = useState(otherDecks[0]?.id ?? "");
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [pending, setPending] = useState(false);
  const cardIds = [...selected];
  const allSelected = shown.length > 0 && shown.every((card) => selected.has(card.id));

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  }

  function toggleAll() {
    setSelected(allSelected ? new Set() : new Set(shown.map((card) => card.id)));
  }

  async function run(action: () => Promise<BulkResult>, verb: string) {
    setPending(true);
    const result = await reachAction(action());
    setPending(false);
    setConfirmingDelete(false);
    if (!result.ok) {
      setMessage({ error: result.message });
      return;
    }
    setMessage({ success: `${verb} ${result.data.count} card${result.data.count === 1 ? "" : "s"}.` });
    setSelected(new Set());
    router.refresh();
  }

  return {
    selected,
    allSelected,
    toggle,
    toggleAll,
    tag,
    setTag,
    targetDeckId,
    setTargetDeckId,
    confirmingDelete,
    setConfirmingDelete,
    message,
    pending,
    addTag: () => run(() => bulkTagAction({ deckId }, { cardIds, add: tag, remove: [] }), "Tagged"),
    removeTag: () => run(() => bulkTagAction({ deckId }, { cardIds, add: [], remove: tag }), "Untagged"),
    move: () => run(() => bulkMoveAction({ deckId }, { cardIds, targetDeckId }), "Moved"),
    deleteSelected: () => run(() => bulkDeleteAction({ deckId }, { cardIds }), "Deleted"),
  };
}
