// The one unit of simulated time in orgsim: hours, as a float64, counted from the start of the
// run (t = 0 is 00:00 on day 0). Every duration, deadline, SLA and XState delay is in hours.

/** Simulated time or duration, in hours. */
export type Hours = number;

export const HOURS_PER_DAY = 24;

/** One second, in hours: rate limits and retries are counted in seconds. */
export const HOURS_PER_SECOND = 1 / 3600;

/** The simulated day (0-based) that instant `t` falls in. */
export function dayOf(t: Hours): number {
  return Math.floor(t / HOURS_PER_DAY);
}

/** Hours since midnight of the day `t` falls in. */
export function hourOfDay(t: Hours): Hours {
  return t - dayOf(t) * HOURS_PER_DAY;
}

/** `t` printed for people and error messages: `27.5h (day 1, 03:30)`. */
export function formatTime(t: Hours): string {
  if (!Number.isFinite(t)) return `${t}h`;
  const minutes = Math.round(hourOfDay(t) * 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${t}h (day ${dayOf(t)}, ${hh}:${mm})`;
}
