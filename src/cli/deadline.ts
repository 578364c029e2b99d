// A forecast's deadline: --deadline in hours on the run's clock, or --date, a calendar date, with
// --start, the date of the run's day 0 (a Monday, as the org's calendars count days). The deadline
// is the end of that date: 24:00 on the org's clock.

import { UsageError } from './usage-error.ts';

const DAY_MS = 86_400_000;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dateOf(flag: string, text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  const back = Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
  if (back !== text) throw new UsageError(`${flag} takes a date as YYYY-MM-DD, got "${text}"`);
  return ms;
}

export function deadlineOf(flags: {
  deadline?: number;
  date?: string;
  start?: string;
}): number | undefined {
  if (flags.deadline !== undefined && flags.date !== undefined)
    throw new UsageError('give --deadline (hours) or --date (a calendar date), not both');
  if (flags.date === undefined) {
    if (flags.start !== undefined)
      throw new UsageError('--start goes with --date: give the deadline date too');
    return flags.deadline;
  }
  if (flags.start === undefined)
    throw new UsageError(
      `--date ${flags.date} needs --start YYYY-MM-DD, the date of the run's day 0 (a Monday), to know which hour it is`,
    );
  const start = dateOf('--start', flags.start);
  const weekday = new Date(start).getUTCDay();
  if (weekday !== 1)
    throw new UsageError(
      `--start ${flags.start} is a ${DAYS[weekday]}: day 0 of the org's calendar is a Monday; give the Monday the run starts on`,
    );
  const date = dateOf('--date', flags.date);
  if (date < start) throw new UsageError(`--date ${flags.date} is before --start ${flags.start}`);
  return ((date - start) / DAY_MS + 1) * 24;
}
