// The standups as a team would have had them: for each simulated day, each IC's yesterday, today
// and blockers, each lead's roll-up to the TL, and the TL's to the EM.

import { dayOf } from '../kernel/time.ts';
import type { LogRecord } from '../log/event-log.ts';
import { ofType } from './timeline.ts';

export interface StandupDay {
  readonly day: number;
  readonly reports: Array<{
    person: string;
    to: string;
    yesterday: string[];
    today: string[];
    blockers: string[];
  }>;
  readonly rollups: Array<{ from: string; to: string; content: Record<string, unknown> }>;
}

export function standups(log: readonly LogRecord[]): StandupDay[] {
  const days = new Map<number, StandupDay>();
  const dayFor = (t: number) => {
    const d = dayOf(t);
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
    if (m.kind === 'standup.report') {
      dayFor(m.t).reports.push({
        person: m.from,
        to: m.to,
        yesterday: (content.yesterday as string[]) ?? [],
        today: (content.today as string[]) ?? [],
        blockers: (content.blockers as string[]) ?? [],
      });
    } else {
      dayFor(m.t).rollups.push({ from: m.from, to: m.to, content });
    }
  }
  return [...days.values()].sort((a, b) => a.day - b.day);
}
