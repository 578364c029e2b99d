// Rituals at their hour: on the shipped scenarios, every day of the run has exactly one standup
// report per IC present at the call, one roll-up per Domain Lead present and one TL→EM roll-up
// per team, all filed under the day of the call; and a standup starts at its hour, pausing work.

import { describe, expect, it } from 'vitest';
import { bottleneck } from '../../src/collect/bottleneck.ts';
import { standups } from '../../src/collect/standup.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { SHIPPED } from '../scenario/shipped.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;
const only = <T extends LogRecord['type']>(log: readonly LogRecord[], type: T) =>
  log.filter((r): r is Of<T> => r.type === type);

/** Who was in at time t: hired by then, and not in an outage. */
function presentAt(log: readonly LogRecord[], t: number): Set<string> {
  const start = only(log, 'run.start')[0];
  const hired = new Map(only(log, 'hire').map((h) => [h.person, h.t]));
  const out = new Set<string>();
  for (const p of start?.people ?? []) if ((hired.get(p.id) ?? 0) <= t) out.add(p.id);
  const away = new Map<string, number>();
  for (const o of only(log, 'outage')) {
    if (o.phase === 'start') away.set(o.person, o.t);
    else if ((away.get(o.person) ?? Infinity) <= t && o.t > t) out.delete(o.person);
    if (o.phase === 'end') away.delete(o.person);
  }
  for (const [person, from] of away) if (from <= t) out.delete(person);
  return out;
}

for (const name of SHIPPED) {
  describe(`${name}: standups`, () => {
    // Run inside each test, not at collection, so that mutation testing credits the tests.
    const run = () => {
      const scenario = loadScenario(name);
      const { records } = runSimulation(scenario.config, scenario.name).log;
      return { records, hour: scenario.config.standupHour ?? 9 };
    };

    it('has one report per IC present, one roll-up per lead present and one per team, every day', () => {
      const { records, hour } = run();
      const start = only(records, 'run.start')[0];
      const days = standups(records);
      expect(days.length).toBeGreaterThan(0);
      // Consecutive days from the first call to the last.
      expect(days.map((d) => d.day)).toEqual(days.map((_, i) => (days[0]?.day ?? 0) + i));
      for (const d of days) {
        const present = presentAt(records, d.day * 24 + hour);
        const people = (start?.people ?? []).filter((p) => present.has(p.id));
        const ics = people.filter((p) => p.role === 'IC').map((p) => p.id);
        const leads = people.filter((p) => p.role === 'DL').map((p) => p.id);
        const tls = people.filter((p) => p.role === 'TL').map((p) => p.id);
        expect(d.reports.map((r) => r.person).sort(), `day ${d.day}`).toEqual(ics.sort());
        const fromLeads = d.rollups.filter((r) => leads.includes(r.from)).map((r) => r.from);
        expect(fromLeads.sort(), `day ${d.day}`).toEqual(leads.sort());
        const toEm = d.rollups.filter((r) => r.to === 'em').map((r) => r.from);
        expect(toEm.sort(), `day ${d.day}`).toEqual(tls.sort());
      }
    });

    it('starts every standup at its hour and counts none of its time as work waiting', () => {
      const { records, hour } = run();
      const rituals = only(records, 'work').filter((w) => w.kind === 'standup');
      expect(rituals.length).toBeGreaterThan(0);
      // An IC's standup starts at the call: the day's standup hour (all calendars are 24 h here).
      for (const w of rituals.filter((x) => x.person.includes('ic-')))
        expect(w.startedAt - (Math.floor(w.queuedAt / 24) * 24 + hour)).toBe(0);
      for (const q of bottleneck(records).queues) {
        expect(q.byKind).not.toHaveProperty('standup');
        expect(q.byKind).not.toHaveProperty('rebalance');
      }
    });
  });
}
