/**
 * "in 40 seconds", "in 3 minutes", "in about 2 hours": when to try again, in the words a person uses.
 * Waits are rounded up, so nobody who follows the advice is refused again.
 */
export function retryWording(seconds: number): string {
  const wait = Math.max(1, Math.ceil(seconds));
  if (wait < 60) return `in ${wait} ${wait === 1 ? "second" : "seconds"}`;
  const minutes = Math.ceil(wait / 60);
  if (minutes < 60) return `in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  if (minutes === 60) return "in an hour";
  const hours = Math.round(minutes / 60);
  return hours <= 1 ? "in a little over an hour" : `in about ${hours} hours`;
}
