// Capacity: per IC, per domain and org-wide — hours available, busy and utilisation over the run;
// the EM's daily 3-day forecasts; the periods a domain was oversubscribed; the rebalances made.

import type { Hours } from '../kernel/time.ts';
import { dayOf } from '../kernel/time.ts';
import { round } from './stats.ts';
import {
  absences,
  availableHours,
  calendarAt,
  hoursWithin,
  type LogInput,
  ofType,
  runEnd,
  runStart,
  viewOf,
} from './timeline.ts';

export interface CapacityRow {
  readonly id: string;
  readonly availableHours: Hours;
  readonly busyHours: Hours;
  readonly utilization: number;
}

/** Who had how much work: utilisation per IC and lead, oversubscribed days, rebalances. */
export interface Capacity {
  readonly window: { from: Hours; to: Hours };
  readonly ics: Array<
    CapacityRow & { domain: string; team: string; executeHours: Hours; reviewHours: Hours }
  >;
  readonly leads: CapacityRow[];
  readonly domains: CapacityRow[];
  readonly org: CapacityRow;
  readonly forecasts: Array<{
    day: number;
    team: string;
    domain: string;
    availableHours: Hours;
    committedHours: Hours;
    oversubscribed: boolean;
  }>;
  readonly oversubscribed: Array<{ team: string; domain: string; fromDay: number; toDay: number }>;
  readonly rebalances: Array<{
    t: Hours;
    kind: string;
    team: string;
    domain: string;
    person?: string;
    tasks?: string[];
    until: Hours;
  }>;
}

const row = (id: string, available: Hours, busy: Hours): CapacityRow => ({
  id,
  availableHours: round(available),
  busyHours: round(busy),
  utilization: available > 0 ? round(busy / available, 3) : 0,
});

export function capacity(input: LogInput): Capacity {
  const log = viewOf(input);
  const start = runStart(log);
  const from = ofType(log, 'instruction.received')[0]?.t ?? 0;
  const to = runEnd(log);
  const away = absences(log);
  const people = new Map(start.people.map((p) => [p.id, p]));
  const busy = new Map<string, { all: number; execute: number; review: number }>();
  for (const w of ofType(log, 'work')) {
    // Only the part of each slice inside the window counts against the hours available in it.
    const p = people.get(w.person);
    const hours = hoursWithin(w, from, to, p && calendarAt(away, p, w.startedAt));
    const b = busy.get(w.person) ?? { all: 0, execute: 0, review: 0 };
    b.all += hours;
    if (w.kind === 'execute') b.execute += hours;
    if (w.kind === 'peerReview' || w.kind === 'qaValidation') b.review += hours;
    busy.set(w.person, b);
  }
  const ics = start.people
    .filter((p) => p.role === 'IC')
    .map((p) => {
      const b = busy.get(p.id) ?? { all: 0, execute: 0, review: 0 };
      return {
        ...row(p.id, availableHours(away, p, from, to), b.all),
        domain: p.domain ?? '',
        team: p.team,
        executeHours: round(b.execute),
        reviewHours: round(b.review),
      };
    });
  const leads = start.people
    .filter((p) => p.role !== 'IC')
    .map((p) => row(p.id, availableHours(away, p, from, to), busy.get(p.id)?.all ?? 0));
  const domainTotals = new Map<string, { available: number; busy: number }>();
  for (const ic of ics) {
    const d = domainTotals.get(ic.domain) ?? { available: 0, busy: 0 };
    d.available += ic.availableHours;
    d.busy += ic.busyHours;
    domainTotals.set(ic.domain, d);
  }
  const forecasts = ofType(log, 'capacity.forecast').map((f) => ({
    day: dayOf(f.t),
    team: f.team,
    domain: f.domain,
    availableHours: round(f.availableHours),
    committedHours: round(f.committedHours),
    oversubscribed: f.oversubscribed,
  }));
  const oversubscribed: Capacity['oversubscribed'] = [];
  const open = new Map<string, { fromDay: number; toDay: number }>();
  for (const f of forecasts) {
    const key = `${f.team}/${f.domain}`;
    const run = open.get(key);
    if (f.oversubscribed && run && run.toDay >= f.day - 1) run.toDay = f.day;
    else if (f.oversubscribed) {
      if (run) oversubscribed.push({ team: f.team, domain: f.domain, ...run });
      open.set(key, { fromDay: f.day, toDay: f.day });
    }
  }
  for (const [key, run] of open) {
    const [team = '', domain = ''] = key.split('/');
    oversubscribed.push({ team, domain, ...run });
  }
  oversubscribed.sort((a, b) => a.fromDay - b.fromDay || a.domain.localeCompare(b.domain));
  const all = ics.reduce(
    (s, ic) => ({ available: s.available + ic.availableHours, busy: s.busy + ic.busyHours }),
    { available: 0, busy: 0 },
  );
  return {
    window: { from: round(from), to: round(to) },
    ics,
    leads,
    domains: [...domainTotals].map(([d, v]) => row(d, v.available, v.busy)),
    org: row('org (ICs)', all.available, all.busy),
    forecasts,
    oversubscribed,
    rebalances: ofType(log, 'rebalance').map(({ t, type: _type, ...rest }) => ({
      t: round(t),
      ...rest,
    })),
  };
}
