/** Class sign-up limits: pure numbers, shared by the server, the teacher's form and the tests. */

const HOUR_MS = 60 * 60_000;

export const CLASS_SIGN_UPS = {
  /** The teacher's per-hour limit: a class of 40 and a margin for a wrong name or a second device. */
  defaultPerHour: 45,
  minPerHour: 1,
  // A lecture hall, not a website: past this a code is being used as an open door.
  maxPerHour: 200,
  windowMs: HOUR_MS,
  /** Accounts one join code may create in a day, whatever its hourly limit: bounds rows per code. */
  perCodePerDay: 400,
  dayMs: 24 * HOUR_MS,
  /**
   * Refused sign-ups through one code in an hour (the class was full, the form was wrong, the email was taken)
   * before the code is paused. A real class trips over a few; a script trying the link trips this quickly.
   */
  failuresBeforePause: 30,
} as const;

/** The RateLimit rows a join code's sign-ups are counted in; a regenerated code starts with fresh ones. */
export function classSignUpKeys(joinCode: string) {
  return {
    perHour: `signup:code:${joinCode}`,
    perDay: `signup:code-day:${joinCode}`,
    refusedFull: `signup:code-full:${joinCode}`,
    failures: `signup:code-failed:${joinCode}`,
  };
}

export const accountsPerIpKey = (ip: string) => `accounts:ip-day:${ip}`;
