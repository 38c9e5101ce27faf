import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listReviewStabilities, listTrainingReviews } from "@/lib/progress/data";
import { checkPersonalizeReadiness, PERSONALIZE_MIN_CARDS, PERSONALIZE_MIN_REVIEWS } from "@/lib/progress/training-items";
import { estimateWorkload } from "@/lib/progress/workload";
import { findUserSettings } from "@/lib/users/data";
import { PersonalizePanel } from "./personalize-panel";

export const metadata: Metadata = { title: "Personalize scheduling" };

export default async function PersonalizePage() {
  const user = await requireUser("/settings/personalize");
  const db = getDb();
  const [settings, log, stabilities] = await Promise.all([findUserSettings(db, user.id), listTrainingReviews(db, user.id), listReviewStabilities(db, user.id)]);
  if (!settings) redirect("/signin");
  const readiness = checkPersonalizeReadiness(log);
  const workload = estimateWorkload(stabilities, settings);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/settings" className="text-brand underline">
          Back to settings
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Personalize scheduling</h1>
      <section aria-labelledby="fit-heading" className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4">
        <h2 id="fit-heading" className="text-xl font-semibold">
          Fit FSRS to your memory
        </h2>
        <p>
          FSRS predicts when you will forget each card with 21 weights. The standard weights come from many learners; fitting them to your own{" "}
          {readiness.reviews} reviews of {readiness.cards} cards makes the predictions yours.
        </p>
        {readiness.ready ? (
          <PersonalizePanel hasCustomWeights={settings.fsrsParameters.length > 0} />
        ) : (
          <>
            <p>
              Personalizing needs at least {PERSONALIZE_MIN_REVIEWS} reviews across {PERSONALIZE_MIN_CARDS} cards. You need{" "}
              {[readiness.reviewsNeeded > 0 && `${readiness.reviewsNeeded} more reviews`, readiness.cardsNeeded > 0 && `${readiness.cardsNeeded} more cards`]
                .filter(Boolean)
                .join(" and ")}
              .
            </p>
            {settings.fsrsParameters.length > 0 && <PersonalizePanel hasCustomWeights resetOnly />}
          </>
        )}
      </section>
      <section aria-labelledby="workload-heading" className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4">
        <h2 id="workload-heading" className="text-xl font-semibold">
          Workload by desired retention
        </h2>
        {stabilities.length === 0 ? (
          <p className="text-muted">The estimate appears once some of your cards have graduated to review.</p>
        ) : (
          <table className="w-full max-w-sm text-left">
            <caption className="sr-only">Estimated reviews per day for each desired retention</caption>
            <thead className="border-b border-line text-sm text-muted">
              <tr>
                <th scope="col" className="py-2">
                  Desired retention
                </th>
                <th scope="col" className="py-2">
                  Reviews per day
                </th>
              </tr>
            </thead>
            <tbody>
              {workload.map((row) => (
                <tr key={row.retention} className={row.retention === settings.desiredRetention ? "font-semibold" : undefined}>
                  <th scope="row" className="py-1 font-normal">
                    {Math.round(row.retention * 100)}%{row.retention === settings.desiredRetention ? " (yours)" : ""}
                  </th>
                  <td className="py-1 tabular-nums">{row.reviewsPerDay.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="text-sm text-muted">
          How this is estimated: for each of your {stabilities.length} cards in review, FSRS gives the interval its current stability would get at that
          retention (with your weights and maximum interval, without fuzz). A card then comes back once per interval, and the share you would forget (1 −
          retention) adds a relearning review per relearning step. Stability grows with every successful review, so real workload falls over time; read these as
          near-term upper estimates for comparing retentions.
        </p>
      </section>
    </div>
  );
}
