import type { HeldReview } from "../../../lib/study/device/review-outbox";

/**
 * Reviews the server would not take. They stay on this device, unsent, until the student chooses: send again
 * (under a new id), or remove from this device. Nothing is dropped without that choice.
 */
export function HeldReviews({
  held,
  onResend,
  onDiscard,
}: {
  held: HeldReview[];
  onResend: (reviewId: string) => void;
  onDiscard: (reviewId: string) => void;
}) {
  return (
    <section aria-labelledby="held-reviews" className="flex flex-col gap-2 rounded-lg border border-warn p-3 text-sm">
      <h2 id="held-reviews" className="font-semibold text-warn">
        {held.length === 1 ? "1 review was not saved" : `${held.length} reviews were not saved`}
      </h2>
      <p>They are kept on this device until you choose what to do.</p>
      <ul className="flex flex-col gap-3">
        {held.map((review) => (
          <li key={review.reviewId} className="flex flex-col gap-2">
            <p>
              Review of {new Date(review.reviewedAt).toLocaleString()}: {review.held.message}
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="button" onClick={() => onResend(review.reviewId)} className="min-h-11 rounded-lg border border-line px-4 font-medium">
                Send again
              </button>
              <button type="button" onClick={() => onDiscard(review.reviewId)} className="min-h-11 rounded-lg border border-line px-4 font-medium">
                Remove from this device
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
