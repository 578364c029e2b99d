// Agents on models and people: each agent's tokens and dollars at its own model's rates and prices,
// people with no tokens, the cost report's split by model adding up, and a model the table lacks
// refused with a message naming the field.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CostFigures, costs, DEFAULT_MODEL, PEOPLE } from '../../src/collect/cost.ts';
import { reportsOf } from '../../src/collect/index.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { terminalReport } from '../../src/report/terminal.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import { grouped } from '../../src/text/number.ts';

type Work = Extract<LogRecord, { type: 'work' }>;
type Start = Extract<LogRecord, { type: 'run.start' }>;

const MODELS = {
  // 100K tokens an hour of any work, a quarter of it output: $0.75/M in, $1.25/M out; half the
  // input read from the cache, at a tenth of the input price (the default): $0.075/M.
  cheap: {
    usdPerMillionInputTokens: 0.75,
    usdPerMillionOutputTokens: 1.25,
    outputShare: 0.25,
    cachedShare: 0.5,
    tokensPerHour: {
      lightCoding: 100_000,
      heavyCoding: 100_000,
      research: 100_000,
      review: 100_000,
    },
  },
  // 200K tokens an hour, half of it output, at one price of $10/M.
  big: {
    usdPerMillionTokens: 10,
    outputShare: 0.5,
    tokensPerHour: {
      lightCoding: 200_000,
      heavyCoding: 200_000,
      research: 200_000,
      review: 200_000,
    },
  },
};

/** tier 2 work for a team whose backend ICs are a cheap agent, a big one and a person at $60/h. */
function scenario(seed: number) {
  return loadScenarioObject({
    name: 'models',
    seed,
    models: MODELS,
    org: {
      model: 'big',
      teams: [
        {
          id: 'team-1',
          ics: { backend: { count: 1, model: 'cheap' }, frontend: 1 },
          people: [
            { id: 'pat', domain: 'backend', person: true, costPerHour: 60 },
            { id: 'ada', domain: 'backend' },
          ],
        },
      ],
    },
    instructions: [
      { id: 'I1', at: 0, tier: 2, domains: ['backend'] },
      { id: 'I2', at: 4, tier: 2, domains: ['backend'] },
    ],
  });
}

const run = (seed: number) => {
  const s = scenario(seed);
  return runSimulation(s.config, s.name).log.records;
};

describe('agents on models, and people', () => {
  const records = run(3);
  const start = records[0] as Start;
  const work = records.filter((r): r is Work => r.type === 'work');
  const person = (id: string) => start.people.find((p) => p.id === id);

  it('writes each agent’s model in run.start, and marks people', () => {
    expect(person('team-1/ic-backend-1') ?? person('ic-backend-1')).toMatchObject({
      model: 'cheap',
    });
    expect(person('ada')).toMatchObject({ model: 'big' });
    expect(person('em')).toMatchObject({ model: 'big' });
    expect(person('pat')).toMatchObject({ person: true });
    expect(person('pat')?.model).toBeUndefined();
    expect(person('human-1')?.person).toBeUndefined();
  });

  it('prices each slice at its worker’s model, and pays a person by the hour with no tokens', () => {
    const modelOf = new Map(start.people.map((p) => [p.id, p.person ? 'person' : p.model]));
    const seen = new Set<string>();
    for (const w of work) {
      const model = modelOf.get(w.person);
      if (model === undefined) continue;
      seen.add(model);
      if (model === 'cheap') {
        expect(w.tokensIn).toBeCloseTo(75_000 * w.hours, 6);
        expect(w.tokensOut).toBeCloseTo(25_000 * w.hours, 6);
        if (w.hours > 0) expect(w.tokensCached).toBeCloseTo(37_500 * w.hours, 6);
        // 37.5K fresh × $0.75/M + 37.5K cached × $0.075/M + 25K × $1.25/M
        // = $0.028125 + $0.0028125 + $0.03125 an hour.
        expect(w.costUsd).toBeCloseTo(0.0621875 * w.hours, 9);
      } else if (model === 'big') {
        expect(w.tokensCached).toBeUndefined();
        expect(w.tokensIn).toBeCloseTo(100_000 * w.hours, 6);
        expect(w.tokensOut).toBeCloseTo(100_000 * w.hours, 6);
        expect(w.costUsd).toBeCloseTo(2 * w.hours, 9);
      } else {
        expect([w.tokensIn, w.tokensOut]).toEqual([0, 0]);
        expect(w.costUsd).toBeCloseTo(60 * w.hours, 9);
      }
    }
    expect([...seen].sort()).toEqual(['big', 'cheap', 'person']);
  });

  it('reports the cost by model, people apart, adding up to the total', () => {
    const c = costs(records);
    expect(Object.keys(c.byModel).sort()).toEqual(['big', 'cheap', PEOPLE]);
    expect(c.byModel[DEFAULT_MODEL]).toBeUndefined();
    const sum = (key: 'usd' | 'tokensIn' | 'hours') =>
      Object.values(c.byModel).reduce((s, f) => s + f[key], 0);
    expect(sum('usd')).toBeCloseTo(c.total.usd, 2);
    expect(sum('tokensIn')).toBeCloseTo(c.total.tokensIn, -1);
    expect(sum('hours')).toBeCloseTo(c.total.hours, 1);
    expect(c.byModel[PEOPLE]?.tokensIn).toBe(0);
    // Half the cheap model's input, to the whole token each is rounded to.
    const cheap = c.byModel.cheap;
    expect(Math.abs((cheap?.tokensCached ?? 0) - 0.5 * (cheap?.tokensIn ?? 0))).toBeLessThanOrEqual(
      1,
    );
    expect(c.total.tokensCached).toBe(c.byModel.cheap?.tokensCached);
  });

  it('adds up by model, by role and by person to the same total on any seed', () => {
    fc.assert(
      fc.property(fc.nat(1000), (seed) => {
        const c = costs(run(seed));
        for (const split of [c.byModel, c.byRole, c.byPerson]) {
          const usd = Object.values(split).reduce((s, f) => s + f.usd, 0);
          expect(usd).toBeCloseTo(c.total.usd, 2);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('a model the table lacks', () => {
  it('is refused, naming the field and the models there are', () => {
    const bad = () =>
      loadScenarioObject({
        models: MODELS,
        org: { teams: [{ id: 't', ics: { backend: { count: 1, model: 'gpt-9' } } }] },
        instructions: [{ at: 0, tier: 1 }],
      });
    expect(bad).toThrow(ScenarioError);
    expect(bad).toThrow(
      /org\.teams\[0\]\.ics\.backend\.model.*names no model: "gpt-9" \(known: cheap, big\)/,
    );
  });

  it('is refused when there is no table at all, saying to add one', () => {
    expect(() =>
      loadScenarioObject({ org: { model: 'cheap' }, instructions: [{ at: 0, tier: 1 }] }),
    ).toThrow(/org\.model.*no `models` table: add one/);
  });
});

describe('the terminal report of a run with models', () => {
  it('says what each model cost, and says nothing of models for a run on the default rates', () => {
    const s = scenario(3);
    const reports = reportsOf(runSimulation(s.config, s.name).log);
    const line = terminalReport(reports, { colour: false })
      .split('\n')
      .find((l) => l.startsWith('Cost by model: '));
    const by = (model: string) => reports.cost.byModel[model] as CostFigures;
    const [big, cheap, people] = [by('big'), by('cheap'), by(PEOPLE)];
    const millions = (f: CostFigures) => grouped((f.tokensIn + f.tokensOut) / 1e6, 1);
    expect(line).toBe(
      `Cost by model: big $${grouped(big.usd, 0)} (${millions(big)}M tokens) · cheap $${grouped(cheap.usd, 0)} (${millions(cheap)}M tokens) · people $${grouped(people.usd, 0)}`,
    );
    const plain = loadScenarioObject({ instructions: [{ at: 0, tier: 1 }] });
    const report = terminalReport(reportsOf(runSimulation(plain.config, 'plain').log), {
      colour: false,
    });
    expect(report).not.toContain('Cost by model');
  });
});
