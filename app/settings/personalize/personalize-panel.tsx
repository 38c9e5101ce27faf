"use client";
import { reachAction } from "@/app/_components/reach-action";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Personalization } from "@/lib/progress/optimize-parameters";
import { applyParametersAction, computeParametersAction, resetParametersAction } from "./actions";

const BUTTON = "min-h-12 rounded-lg px-5 font-semibold disabled:opacity-60";

/** Runs the optimizer on the server, shows how much better the fit is, and applies or resets the weights. */
export function PersonalizePanel({ hasCustomWeights, resetOnly = false }: { hasCustomWeights: boolean; resetOnly?: boolean }) {
  const router = useRouter();
  const [result, setResult] = useState<Personalization>();
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);

  async function run(task: () => Promise<string | undefined>) {
    setPending(true);
    setMessage(await task());
    setPending(false);
  }

  const compute = () =>
    run(async () => {
      const answer = await reachAction(computeParametersAction());
      if (!answer.ok) return answer.message;
      setResult(answer.data);
      return "Done. Compare the fits below.";
    });
  const apply = (weights: number[]) =>
    run(async () => {
      const answer = await reachAction(applyParametersAction(weights));
      if (!answer.ok) return answer.message;
      router.refresh();
      return "Your weights are applied. Cards are scheduled with them from your next review.";
    });
  const reset = () =>
    run(async () => {
      const answer = await reachAction(resetParametersAction());
      if (!answer.ok) return answer.message;
      setResult(undefined);
      router.refresh();
      return "Back to the standard weights.";
    });

  const improved = result && result.optimized.logLoss < result.current.logLoss;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-3">
        {!resetOnly && (
          <button type="button" onClick={compute} disabled={pending} className={`${BUTTON} bg-brand text-brand-ink`}>
            {pending && !result ? "Computing…" : "Compute my parameters"}
          </button>
        )}
        {hasCustomWeights && (
          <button type="button" onClick={reset} disabled={pending} className={`${BUTTON} border border-line`}>
            Reset to defaults
          </button>
        )}
      </div>
      {result && (
        <>
          <table className="w-full max-w-md text-left">
            <caption className="text-left text-sm text-muted">Fit to your own reviews; lower is better.</caption>
            <thead className="border-b border-line text-sm text-muted">
              <tr>
                <th scope="col" className="py-2">
                  Measure
                </th>
                <th scope="col" className="py-2">
                  {hasCustomWeights ? "Current weights" : "Standard weights"}
                </th>
                <th scope="col" className="py-2">
                  Fitted weights
                </th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              <tr>
                <th scope="row" className="py-1 font-normal">
                  Log loss
                </th>
                <td>{result.current.logLoss.toFixed(4)}</td>
                <td>{result.optimized.logLoss.toFixed(4)}</td>
              </tr>
              <tr>
                <th scope="row" className="py-1 font-normal">
                  RMSE (binned)
                </th>
                <td>{result.current.rmse.toFixed(4)}</td>
                <td>{result.optimized.rmse.toFixed(4)}</td>
              </tr>
            </tbody>
          </table>
          {improved ? (
            <button type="button" onClick={() => apply(result.parameters)} disabled={pending} className={`${BUTTON} self-start bg-brand text-brand-ink`}>
              Apply these parameters
            </button>
          ) : (
            <p>The fitted weights do not predict your reviews better than the ones you use now, so there is nothing to apply.</p>
          )}
        </>
      )}
      <p role="status" aria-live="polite" className="font-medium">
        {message ?? ""}
      </p>
    </div>
  );
}
