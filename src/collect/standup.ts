// The standups as a team had them: for each simulated day of a call, each IC's yesterday, today
// and blockers (with type and age), each lead's roll-up to the TL, and the TL's to the EM. Items
// are filed under the day of the call they answer, even when they arrive later.

import { dayOf } from '../kernel/time.ts';
import { type LogInput, ofType, viewOf } from './timeline.ts';

export interface StandupBlocker {
  readonly task: string;
  readonly type: string;
  readonly ageHours: number;
}

/** One day's standups: each person's report (yesterday, today, blockers) and the roll-ups up the ladder. */
export interface StandupDay {
  readonly day: number;
  readonly reports: Array<{
    person: string;
    to: string;
    yesterday: string[];
    today: string[];
    blockers: StandupBlocker[];
  }>;
  readonly rollups: Array<{ from: string; to: string; content: Record<string, unknown> }>;
}

export function standups(input: LogInput): StandupDay[] {
  const log = viewOf(input);
  const days = new Map<number, StandupDay>();
  const dayFor = (d: number) => {
    let day = days.get(d);
    if (day === undefined) {
      day = { day: d, reports: [], rollups: [] };
      days.set(d, day);
    }
    return day;
  };
  for (const m of ofType(log, 'message')) {
    if (m.protocol !== 'standup') continue;
    const content = (m.content ?? {}) as Record<string, unknown>;
    const day = dayFor(typeof content.day === 'number' ? content.day : dayOf(m.t));
    if (m.kind === 'standup.report') {
      day.reports.push({
        person: m.from,
        to: m.to,
        yesterday: (content.yesterday as string[]) ?? [],
        today: (content.today as string[]) ?? [],
        blockers: (content.blockers as StandupBlocker[]) ?? [],
      });
    } else {
      day.rollups.push({ from: m.from, to: m.to, content });
    }
  }
  return [...days.values()].sort((a, b) => a.day - b.day);
}
