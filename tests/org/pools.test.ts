// Agent pools: a pool never has fewer active agents than its minimum nor more than its agents, an
// agent comes in only from the parked and is parked only when active, a parked agent does no work,
// a new agent is ready a spin-up after the pool asked for it, the pool falls back to its minimum
// when the work is done, its P0 reserve keeps agents free of other work, and its upkeep is its
// agent-hours at its price. Property tests over random pools and arrivals check these from the log.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowOf } from '../../src/batch/row.ts';
import { pools } from '../../src/collect/pools.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;
const ofType = <T extends LogRecord['type']>(records: readonly LogRecord[], type: T) =>
  records.filter((r): r is Of<T> => r.type === type);

const NO_BLOCKERS = { technical: 0, dependency: 0, requirements: 0, resource: 0, priority: 0 };

const poolArb = fc
  .record({
    agents: fc.integer({ min: 1, max: 7 }),
    min: fc.integer({ min: 0, max: 3 }),
    reserveP0: fc.integer({ min: 0, max: 2 }),
    tasksPerAgent: fc.constantFrom(1, 2, 3),
    spinUpHours: fc.constantFrom(0, 0.05, 1),
    idleHours: fc.constantFrom(0, 0.1, 2),
    costPerAgentHour: fc.constantFrom(0, 0.5, 2),
    wipLimit: fc.constantFrom(1, 2),
  })
  .map((p) => ({
    ...p,
    min: Math.min(p.min, p.agents),
    reserveP0: Math.min(p.reserveP0, p.agents - 1),
  }));

type PoolCase = typeof poolArb extends fc.Arbitrary<infer T> ? T : never;

function scenario(seed: number, p: PoolCase, rate: number) {
  return loadScenarioObject({
    name: 'pools',
    seed,
    org: {
      ics: { backend: { count: p.agents, wipLimit: p.wipLimit }, qa: 1 },
    },
    pools: [
      {
        id: 'coders',
        domain: 'backend',
        min: p.min,
        reserveP0: p.reserveP0,
        tasksPerAgent: p.tasksPerAgent,
        spinUpHours: p.spinUpHours,
        idleHours: p.idleHours,
        costPerAgentHour: p.costPerAgentHour,
      },
    ],
    arrivals: [
      {
        process: 'poisson',
        ratePerDay: rate,
        until: 48,
        template: { tier: 1, domains: ['backend'] },
      },
      {
        process: 'poisson',
        ratePerDay: 1,
        until: 48,
        template: { tier: 1, domains: ['backend'], priority: 'P0' },
      },
      {
        process: 'poisson',
        ratePerDay: 2,
        until: 48,
        template: { tier: 2, domains: ['backend', 'qa'] },
      },
    ],
  });
}

describe('agent pools', () => {
  it('stays within its bounds, parks only the active, and lets no parked agent work', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        poolArb,
        fc.constantFrom(4, 12, 30),
        (seed, p, rate) => {
          const records = runSimulation(scenario(seed, p, rate).config, 'p').log.records;
          const agents = Array.from({ length: p.agents }, (_, i) => `ic-backend-${i + 1}`);
          const active = new Set(agents);
          /** Per agent, the spells it was parked: [from, to]. */
          const parkedSpells = new Map<string, Array<[number, number]>>();
          const parkedSince = new Map<string, number>();
          let size = p.agents;
          for (const r of ofType(records, 'pool.scaled')) {
            expect(r.sizeBefore).toBe(size);
            for (const a of r.agents) {
              if (r.sizeAfter < r.sizeBefore) {
                expect(active.has(a), `${a} parked while not active`).toBe(true);
                active.delete(a);
                parkedSince.set(a, r.t);
              } else {
                expect(active.has(a), `${a} brought in while active`).toBe(false);
                active.add(a);
                parkedSpells.set(a, [
                  ...(parkedSpells.get(a) ?? []),
                  [parkedSince.get(a) as number, r.t],
                ]);
                parkedSince.delete(a);
              }
            }
            size = active.size;
            expect(r.sizeAfter).toBe(size);
            expect(size).toBeGreaterThanOrEqual(p.min);
            expect(size).toBeLessThanOrEqual(p.agents);
            if (r.reason === 'start') expect(r.t).toBe(0);
          }
          const end = records.at(-1)?.t ?? 0;
          for (const [a, since] of parkedSince)
            parkedSpells.set(a, [...(parkedSpells.get(a) ?? []), [since, end + 1]]);
          for (const w of ofType(records, 'work')) {
            for (const [from, to] of parkedSpells.get(w.person) ?? []) {
              const overlap = Math.min(w.t, to) - Math.max(w.startedAt, from);
              expect(overlap <= 1e-9 || w.hours === 0, `${w.person} worked while parked`).toBe(
                true,
              );
            }
          }
          // The upkeep is the agent-hours at the price, the agent-hours the active count over time.
          let agentHours = 0;
          let at = 0;
          let count = p.agents;
          for (const r of ofType(records, 'pool.scaled')) {
            agentHours += count * (r.t - at);
            at = r.t;
            count = r.sizeAfter;
          }
          agentHours += count * (end - at);
          const [figures] = pools(records) ?? [];
          expect(figures?.agentHours).toBeCloseTo(agentHours, 1);
          expect(figures?.upkeepUsd).toBeCloseTo(agentHours * p.costPerAgentHour, 1);
          // The decision layer's total: the work's cost and the upkeep.
          const work = ofType(records, 'work').reduce((a, w) => a + w.costUsd, 0);
          expect(rowOf(records).totalCostUsd).toBeCloseTo(
            work + agentHours * p.costPerAgentHour,
            1,
          );
          expect(records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done', openTasks: 0 });
        },
      ),
      { numRuns: 30 },
    );
  });

  /** A burst of `n` backend tasks at hour 1 to a pool of one agent out of six. */
  const burst = (n: number, reserveP0 = 0, extra: object = {}) =>
    loadScenarioObject({
      seed: 3,
      effort: { distribution: 'fixed' },
      blockers: NO_BLOCKERS,
      org: { ics: { backend: { count: 6, wipLimit: 1 } } },
      pools: [
        {
          id: 'coders',
          domain: 'backend',
          min: 1,
          spinUpHours: 0.25,
          idleHours: 0.5,
          reserveP0,
          ...extra,
        },
      ],
      instructions: Array.from({ length: n }, (_, k) => ({
        at: 1,
        id: `B${k + 1}`,
        tier: 1,
        domains: ['backend'],
        shape: { estimateHours: 3 },
      })),
    });

  it('brings agents in a spin-up after it asks, and falls back to its minimum when the work is done', () => {
    const records = runSimulation(burst(4).config, 'b').log.records;
    const scaled = ofType(records, 'pool.scaled');
    expect(scaled[0]).toMatchObject({ t: 0, sizeBefore: 6, sizeAfter: 1, reason: 'start' });
    // One task per agent: the first is the one agent's; the pool asks for another when the second
    // is released (the EM takes the instructions in one by one).
    const secondReady = ofType(records, 'task.ready')[1]?.t as number;
    const ups = scaled.filter((r) => r.reason === 'queue');
    expect(ups[0]?.t).toBeCloseTo(secondReady + 0.25, 9);
    expect(Math.max(...scaled.map((r) => r.sizeAfter))).toBe(4);
    // When everything is done, idle agents are parked down to one.
    expect(scaled.at(-1)).toMatchObject({ sizeAfter: 1, reason: 'idle' });
    const lastWork = Math.max(
      ...ofType(records, 'work')
        .filter((w) => w.person.startsWith('ic-'))
        .map((w) => w.t),
    );
    expect(scaled.at(-1)?.t as number).toBeGreaterThanOrEqual(lastWork + 0.5 - 1e-9);
  });

  it('keeps its P0 reserve free of other work', () => {
    const concurrentP2 = (reserveP0: number) => {
      const records = runSimulation(burst(8, reserveP0, { min: 3 }).config, 'b').log.records;
      const slices = ofType(records, 'work').filter((w) => w.kind === 'execute');
      let most = 0;
      for (const s of slices) {
        const at = s.startedAt + 1e-6;
        const busy = new Set(
          slices.filter((x) => x.startedAt < at && x.t > at).map((x) => x.person),
        );
        most = Math.max(most, busy.size);
      }
      return { most, records };
    };
    // Eight tasks wanting eight agents of six: with one kept for P0, five take them at most.
    const kept = concurrentP2(1);
    expect(kept.most).toBe(5);
    const open = concurrentP2(0);
    expect(open.most).toBe(6);
  });

  it('refuses a pool it cannot form, naming the field and the fix', () => {
    const load =
      (pool: object, ics: object = { backend: 3 }) =>
      () =>
        loadScenarioObject({
          org: { ics },
          pools: [{ id: 'p', domain: 'backend', ...pool }],
          instructions: [{ at: 0, tier: 1, domains: ['backend'] }],
        });
    expect(load({ min: 4 })).toThrow(/pools\[0\]\.min.*is 4, and team-1 has 3 backend agents/);
    expect(load({ reserveP0: 3 })).toThrow(/pools\[0\]\.reserveP0.*no agent would be left/);
    expect(load({ team: 'x' })).toThrow(/pools\[0\]\.team.*names no team: "x" \(teams: team-1\)/);
    expect(load({}, { backend: { count: 2, person: true } })).toThrow(
      /pools\[0\]\.domain.*has no agents/,
    );
    const outage = () =>
      loadScenarioObject({
        org: { ics: { backend: 3 } },
        pools: [{ id: 'p', domain: 'backend' }],
        instructions: [{ at: 0, tier: 1, domains: ['backend'] }],
        events: [{ type: 'outage', person: 'ic-backend-2', from: 1, to: 5 }],
      });
    expect(outage).toThrow(/events\[0\]\.person.*an agent of a pool/);
  });

  it('writes the same log on both engines', () => {
    const s = burst(5, 1);
    const fast = runSimulation({ ...s.config, engine: 'fast' }, 'b').log.records;
    const xstate = runSimulation({ ...s.config, engine: 'xstate' }, 'b').log.records;
    expect(JSON.stringify(xstate)).toBe(JSON.stringify(fast));
  });
});
