import { retryWording } from "@/lib/auth/retry-wording";
import { CLASS_SIGN_UPS } from "@/lib/signups/limits";
import type { ClassSignUpActivity } from "@/lib/signups/data";
import { cardBox } from "../../../_components/styles";
import { SignUpLimitForm } from "./class-controls";

/** Sign-ups through the join link this hour, who was turned away, a paused code, and the limit to raise. */
export function SignUpActivity({ classId, activity, now }: { classId: string; activity: ClassSignUpActivity; now: Date }) {
  const resetsIn = activity.resetsAt ? retryWording((activity.resetsAt.getTime() - now.getTime()) / 1000) : null;
  return (
    <section aria-labelledby="sign-ups-heading" className={cardBox}>
      <h2 id="sign-ups-heading" className="text-xl font-semibold">
        Sign-ups through the join link
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt>New accounts this hour</dt>
        <dd className="font-semibold" data-testid="signed-up-this-hour">
          {activity.signedUpThisHour} of {activity.signUpsPerHour}
        </dd>
        <dt>Waiting (told the class is full)</dt>
        <dd className="font-semibold" data-testid="turned-away-this-hour">
          {activity.turnedAwayThisHour}
        </dd>
        <dt>Failed sign-ups this hour</dt>
        <dd className="font-semibold">{activity.failedThisHour}</dd>
      </dl>
      {resetsIn && <p className="text-sm text-muted">These counts start again {resetsIn}.</p>}
      {activity.turnedAwayThisHour > 0 && !activity.paused && (
        <p role="status" className="font-medium">
          {activity.turnedAwayThisHour === 1 ? "1 student was" : `${activity.turnedAwayThisHour} students were`} told the class is full. Raise the limit, then
          ask them to press “Create account and join” again.
        </p>
      )}
      {activity.paused && (
        <p role="alert" className="font-medium text-again">
          This join code looks misused: {activity.failedThisHour} sign-ups through it failed this hour (the limit is {CLASS_SIGN_UPS.failuresBeforePause}), so
          sign-ups through it are paused. Regenerate the code and share the new link with your class only.
        </p>
      )}
      <SignUpLimitForm classId={classId} signUpsPerHour={activity.signUpsPerHour} min={CLASS_SIGN_UPS.minPerHour} max={CLASS_SIGN_UPS.maxPerHour} />
    </section>
  );
}
