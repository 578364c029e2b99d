// Bad input gets a clear error: each malformed scenario below must fail with a message that names
// the file, the field path (with line and column where the parser knows them), the value and what
// is expected. The CLI turns every one into exit code 2 (tests/cli).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ok = 'instructions:\n  - { at: 0, tier: 1 }\n';

const CASES: Array<{ name: string; yaml: string; message: RegExp }> = [
  {
    name: 'malformed YAML',
    yaml: 'seed: [1, 2\n',
    message: /:\d+:\d+: \(the file\) is not valid YAML/,
  },
  {
    name: 'a list instead of a mapping',
    yaml: '- 1\n- 2\n',
    message: /must be a mapping of scenario fields, got \[1,2\]/,
  },
  {
    name: 'an unknown top-level key',
    yaml: `${ok}colour: red\n`,
    message: /:3:1: \(the file\) has an unknown key "colour"/,
  },
  {
    name: 'a misspelt nested key',
    yaml: `${ok}org:\n  wipLimt: 2\n`,
    message: /:4:3: org has an unknown key "wipLimt"/,
  },
  {
    name: 'a negative seed',
    yaml: `seed: -1\n${ok}`,
    message: /:1:7: seed must be a whole number ≥ 0, got -1/,
  },
  {
    name: 'a fractional seed',
    yaml: `seed: 1.5\n${ok}`,
    message: /seed must be a whole number ≥ 0, got 1.5/,
  },
  {
    name: 'an unknown strategy',
    yaml: `strategy: fastest\n${ok}`,
    message:
      /strategy must be one of weighted, .*, or the path of a strategy module \(\.\/my-strategy\.js\), got "fastest"/,
  },
  {
    name: 'a string where a number goes',
    yaml: `horizonHours: soon\n${ok}`,
    message: /horizonHours .*got "soon"/,
  },
  {
    name: 'a tier out of range',
    yaml: 'instructions:\n  - { at: 0, tier: 5 }\n',
    message: /:2:\d+: instructions\[0\]\.tier must be one of 1, 2, 3, 4, got 5/,
  },
  {
    name: 'a missing required field',
    yaml: 'instructions:\n  - { at: 0 }\n',
    message: /:2:\d+: instructions\[0\]\.tier is required: one of 1, 2, 3, 4/,
  },
  {
    name: 'a negative arrival time',
    yaml: 'instructions:\n  - { at: -3, tier: 1 }\n',
    message:
      /instructions\[0\]\.at must be ≥ 0 hours \(a time of the run, at most 114 years in\), got -3/,
  },
  {
    name: 'an unknown priority',
    yaml: 'instructions:\n  - { at: 0, tier: 1, priority: P9 }\n',
    message: /instructions\[0\]\.priority .*got "P9"/,
  },
  {
    name: 'a negative IC count',
    yaml: `${ok}org:\n  ics: { backend: -1 }\n`,
    message: /org\.ics\.backend .*got -1/,
  },
  {
    name: 'an unknown domain',
    yaml: `${ok}org:\n  ics: { marketing: 2 }\n`,
    message: /org\.ics has an unknown key "marketing"/,
  },
  {
    name: 'a zero WIP limit',
    yaml: `${ok}org:\n  wipLimit: 0\n`,
    message: /org\.wipLimit must be a whole number from 1 to 1,000, got 0/,
  },
  {
    name: 'a zero-hour calendar',
    yaml: `${ok}org:\n  calendar: { hoursPerDay: 0 }\n`,
    message:
      /org\.calendar\.hoursPerDay must be ≥ 0\.25 hours \(a working day shorter than 15 minutes cannot hold one activity\), got 0/,
  },
  {
    name: 'an unknown working day',
    yaml: `${ok}org:\n  calendar: { hoursPerDay: 8, workingDays: [mon, funday] }\n`,
    message:
      /:4:\d+: org\.calendar\.workingDays\[1\] must be one of "mon", "tue", .*"sun", got "funday"/,
  },
  {
    name: 'a calendar with no working day',
    yaml: `${ok}org:\n  calendar: { hoursPerDay: 8, workingDays: [] }\n`,
    message: /org\.calendar\.workingDays must be ≥ 1 items, got \[\]/,
  },
  {
    name: 'a working day named twice, in a team’s calendar',
    yaml: `${ok}org:\n  teams:\n    - { id: t1, ics: { qa: 1 }, calendar: { hoursPerDay: 8, workingDays: [mon, mon] } }\n`,
    message: /org\.teams\[0\]\.calendar\.workingDays must name each day once, got \["mon","mon"\]/,
  },
  {
    name: 'a time zone offset beyond +14',
    yaml: `${ok}org:\n  calendar: { hoursPerDay: 8, utcOffsetHours: 20 }\n`,
    message: /:4:\d+: org\.calendar\.utcOffsetHours must be ≤ 14, got 20/,
  },
  {
    name: 'a holiday before the run',
    yaml: `${ok}org:\n  ics: { qa: { count: 1, calendar: { hoursPerDay: 8, holidays: [-1] } } }\n`,
    message:
      /org\.ics\.qa\.calendar\.holidays\[0\] must be a whole number from 0 to 41,666, got -1/,
  },
  {
    name: 'a skill level out of range',
    yaml: `${ok}org:\n  ics: { backend: { count: 1, level: 9 } }\n`,
    message: /org\.ics\.backend.*got|org\.ics\.backend\.level must be one of 1, 2, 3, 4, 5, got 9/,
  },
  {
    name: 'an org with no one',
    yaml: `${ok}org:\n  ics: { backend: 0 }\n`,
    message: /org cannot run: team team-1 has no ICs/,
  },
  { name: 'nothing to simulate', yaml: 'seed: 1\n', message: /has nothing to simulate/ },
  {
    name: 'a probability above 1',
    yaml: `${ok}blockers: { technical: 1.5 }\n`,
    message: /blockers\.technical must be ≤ 1, got 1.5/,
  },
  {
    name: 'an unknown blocker type',
    yaml: `${ok}blockers: { weather: 0.1 }\n`,
    message: /blockers has an unknown key "weather"/,
  },
  {
    name: 'an unknown gate',
    yaml: `${ok}gates: { vibeCheck: { enabled: true } }\n`,
    message: /gates has an unknown key "vibeCheck"/,
  },
  {
    name: 'a negative overhead',
    yaml: `${ok}overheads: { assignmentHours: -1 }\n`,
    message:
      /overheads\.assignmentHours must be ≥ 0 hours \(the working hours of one activity\), got -1/,
  },
  { name: 'an SLA of zero', yaml: `${ok}sla: { BLOCKED: 0 }\n`, message: /sla\.BLOCKED .*got 0/ },
  {
    name: 'an unknown effort distribution',
    yaml: `${ok}effort: { distribution: gamma }\n`,
    message: /effort\.distribution must be one of 'fixed' \| 'lognormal'.*got "gamma"/,
  },
  {
    name: 'an empirical effort with neither samples nor bins',
    yaml: `${ok}effort: { distribution: empirical }\n`,
    message:
      /:3:\d+: effort needs either samples or bins, not both, got \{"distribution":"empirical"\}/,
  },
  {
    name: 'an empirical effort with no samples',
    yaml: `${ok}effort: { distribution: empirical, samples: [] }\n`,
    message: /effort\.samples must be ≥ 1 items, got \[\]/,
  },
  {
    name: 'a ratio of zero among the samples',
    yaml: `${ok}effort: { distribution: empirical, samples: [1.2, 0] }\n`,
    message: /effort\.samples\[1\] must be > 0 \(actual ÷ estimate\), got 0/,
  },
  {
    name: 'a histogram bin that ends before it starts',
    yaml: `${ok}effort: { distribution: empirical, bins: [{ from: 2, to: 1.5, weight: 1 }] }\n`,
    message: /effort\.bins\[0\]\.to must be greater than from, got 1.5/,
  },
  {
    name: 'a histogram bin of no weight',
    yaml: `${ok}effort: { distribution: empirical, bins: [{ from: 1, to: 2, weight: 0 }] }\n`,
    message: /effort\.bins\[0\]\.weight must be > 0, got 0/,
  },
  {
    name: 'an outage for nobody',
    yaml: `${ok}events:\n  - { type: outage, person: ghost, from: 1, to: 5 }\n`,
    message: /:4:\d+: events\[0\]\.person names no one in the org: "ghost"/,
  },
  {
    name: 'a cover who is the person out',
    yaml: `${ok}events:\n  - { type: outage, person: dl-qa, from: 1, to: 5, cover: dl-qa }\n`,
    message: /:4:\d+: events\[0\]\.cover must be someone other than dl-qa themselves/,
  },
  {
    name: 'a cover of a role that cannot do the work',
    yaml: `${ok}events:\n  - { type: outage, person: em, from: 1, to: 5, cover: dl-qa }\n`,
    message: /events\[0\]\.cover must be a TL to cover for em \(EM\), got dl-qa \(DL\)/,
  },
  {
    name: 'a cover who is out at the same time',
    yaml: `${ok}events:\n  - { type: outage, person: dl-qa, from: 1, to: 9, cover: tl }\n  - { type: outage, person: tl, from: 5, to: 20 }\n`,
    message: /events\[0\]\.cover is out at the same time \(5–20\): name someone who is present/,
  },
  {
    name: 'a cover nobody knows',
    yaml: `${ok}events:\n  - { type: outage, person: human-1, from: 1, to: 9, cover: human-9 }\n`,
    message: /events\[0\]\.cover names no one in the org: "human-9"/,
  },
  {
    name: 'an outage that ends before it starts',
    yaml: `${ok}events:\n  - { type: outage, person: ic-backend-1, from: 9, to: 5 }\n`,
    message: /events\[0\]\.to must be later than from \(9\), got 5/,
  },
  {
    name: 'an unknown event type',
    yaml: `${ok}events:\n  - { type: meteor, at: 1 }\n`,
    message: /events\[0\]\.type must be one of 'outage'.*got "meteor"/,
  },
  {
    name: 'a requirement change for an unknown instruction',
    yaml: `${ok}events:\n  - { type: requirementChange, at: 1, instruction: NOPE, cancel: 0.5 }\n`,
    message: /events\[0\]\.instruction names no instruction: "NOPE"/,
  },
  {
    name: 'a requirement change that changes nothing',
    yaml: `${ok}events:\n  - { type: requirementChange, at: 1, instruction: I1 }\n`,
    message: /:4:\d+: events\[0\] needs at least one of cancel, rescale or add/,
  },
  {
    name: 'a requirement change that rescales by zero',
    yaml: `${ok}events:\n  - { type: requirementChange, at: 1, instruction: I1, rescale: 0 }\n`,
    message: /events\[0\]\.rescale must be ≥ 0\.01 × the estimate, got 0/,
  },
  {
    name: 'a requirement change adding work after a task the plan does not have',
    yaml: `${ok}events:\n  - { type: requirementChange, at: 1, instruction: I1, add: { domain: backend, tasks: 2, dependsOn: [zz] } }\n`,
    message: /events\[0\]\.add\.dependsOn\[0\] names no task of I1's plan: "I1-zz"/,
  },
  {
    name: 'a requirement change adding work in a domain the org does not staff',
    yaml: 'org:\n  ics: { backend: 1 }\ninstructions:\n  - { at: 0, tier: 1, domains: [backend] }\nevents:\n  - { type: requirementChange, at: 1, instruction: I1, add: { domain: qa, tasks: 1 } }\n',
    message:
      /:6:\d+: events\[0\]\.add\.domain I1's plan with this change needs qa work and the org has no qa ICs to do it: staff it \(org\.ics\.qa\), let ICs with a secondary qa skill take it \(org\.unstaffedWork: borrow\), or add the work in a domain the org staffs/,
  },
  {
    name: 'a hire into an unknown team',
    yaml: `${ok}events:\n  - { type: hire, at: 1, id: x, team: team-9, domain: qa }\n`,
    message: /events\[0\]\.team names no team: "team-9"/,
  },
  {
    name: 'a hire who starts with no productivity at all',
    yaml: `${ok}events:\n  - { type: hire, at: 1, id: x, domain: qa, rampUpDays: 5, startProductivity: 0 }\n`,
    message: /:4:\d+: events\[0\]\.startProductivity must be > 0, got 0/,
  },
  {
    name: 'a dependency cycle in a plan',
    yaml: 'instructions:\n  - at: 0\n    tier: 2\n    plan:\n      strategic:\n        - id: s\n          domain: backend\n          tasks:\n            - { id: a, estimateHours: 1, dependsOn: [b] }\n            - { id: b, estimateHours: 1, dependsOn: [a] }\n',
    message:
      /instructions\[0\]\.plan\.strategic has a problem: dependency cycle: I1-a → I1-b → I1-a/,
  },
  {
    name: 'a dangling dependency id',
    yaml: 'instructions:\n  - at: 0\n    tier: 2\n    plan:\n      strategic:\n        - id: s\n          domain: backend\n          tasks:\n            - { id: a, estimateHours: 1, dependsOn: [zz] }\n',
    message:
      /:9:\d+: instructions\[0\]\.plan\.strategic\[0\]\.tasks\[0\]\.dependsOn\[0\] names no task of this plan: "zz"/,
  },
  {
    name: 'a zero estimate',
    yaml: 'instructions:\n  - at: 0\n    tier: 1\n    plan: { strategic: [{ id: s, domain: qa, tasks: [{ id: a, estimateHours: 0 }] }] }\n',
    message:
      /estimateHours must be ≥ 0\.05 hours \(a task estimate, from 3 minutes to 10,000 hours\), got 0/,
  },
  {
    name: 'overlapping outages',
    yaml: `${ok}events:\n  - { type: outage, person: ic-qa-1, from: 1, to: 9 }\n  - { type: outage, person: ic-qa-1, from: 5, to: 20 }\n`,
    message:
      /events\[1\]\.from makes outages of ic-qa-1 overlap \(1–9 and 5–20\): merge them into one/,
  },
  {
    name: 'a duplicate instruction id, reported where the duplicate is',
    yaml: `${ok}events:\n  - { type: incident, at: 3, id: I1 }\n`,
    message: /:4:\d+: events\[0\]\.id repeats the id "I1"/,
  },
  {
    name: 'ICs per domain beside a list of teams',
    yaml: `${ok}org:\n  teams: [{ id: t1, ics: { backend: 1 } }]\n  ics: { qa: 2 }\n`,
    message: /org\.ics applies only when org\.teams is a number/,
  },
  {
    name: 'a plan needing a domain the org does not staff, at the instruction',
    yaml: 'org:\n  ics: { backend: 2 }\ninstructions:\n  - { id: FEAT, at: 0, tier: 3 }\n',
    message:
      /:4:\d+: instructions\[0\] cannot run: FEAT's plan needs .*qa.* work and the org has no .* ICs to do it: staff it \(org\.ics\.\w+\), let ICs with a secondary \w+ skill take it \(org\.unstaffedWork: borrow\), or set the instruction's domains/,
  },
  {
    name: 'arrivals of one template needing an unstaffed domain, said once',
    yaml: 'org:\n  ics: { backend: 1 }\narrivals:\n  - { process: schedule, at: [0, 5, 9], template: { tier: 1, domains: [frontend] } }\n',
    message:
      /^[^\n]*arrivals\[0\]\.template cannot run: the plans of A1\.1, A1\.2, A1\.3 need frontend work[^\n]*$/,
  },
  {
    name: 'a shape range the wrong way round',
    yaml: 'instructions:\n  - { at: 0, tier: 2, shape: { strategic: [5, 2] } }\n',
    message:
      /instructions\[0\]\.shape\.strategic must be a range \[low, high\] with low ≤ high, got \[5, 2\]/,
  },
  {
    name: 'an instruction naming a domain twice',
    yaml: 'instructions:\n  - { at: 0, tier: 2, domains: [qa, qa] }\n',
    message: /instructions\[0\]\.domains must not repeat a domain/,
  },
  {
    name: 'a git strategy for a team the org does not have',
    yaml: `${ok}git:\n  teams: { alpha: staggered }\n`,
    message: /git\.teams\.alpha names no team: "alpha" \(teams: team-1\)/,
  },
  {
    name: 'a git strategy that does not exist',
    yaml: `${ok}git:\n  strategy: monorepo\n`,
    message: /git\.strategy .*clonePerAgent.*teamWorktrees.*staggered/,
  },
  {
    name: 'a touch range upside down',
    yaml: `${ok}git:\n  touches: { min: 3, max: 1 }\n`,
    message: /git\.touches min 3 is above max 1: give min ≤ max/,
  },
  {
    name: 'a component named twice',
    yaml: `${ok}git:\n  components: [{ id: api }, { id: web, domain: frontend }, { id: api }]\n`,
    message: /git\.components\[2\]\.id names the component "api" twice/,
  },
  {
    name: 'an integrator who is not in the org',
    yaml: `${ok}git:\n  conflict: { resolution: integrator, integrator: orion }\n`,
    message: /git\.conflict\.integrator names no one in the org: "orion"/,
  },
  {
    name: 'a promotion to main without an integration branch',
    yaml: `${ok}git:\n  main: { cadence: weekly }\n`,
    message: /git\.main needs an integration branch to promote from: add git\.integration/,
  },
  {
    name: 'CI without an integration branch',
    yaml: `${ok}git:\n  ci: { runners: 4 }\n`,
    message: /git\.ci needs an integration branch to check: add git\.integration/,
  },
  {
    name: 'an integration owner who is not in the org',
    yaml: `${ok}git:\n  integration: { integrator: orion }\n`,
    message: /git\.integration\.integrator names no one in the org: "orion"/,
  },
  {
    name: 'a weekly cadence on day 7',
    yaml: `${ok}git:\n  integration: { cadence: weekly, weekday: 7 }\n`,
    message: /git\.integration\.weekday/,
  },
  {
    name: 'a conflict chance of 1',
    yaml: `${ok}git:\n  conflict: { perComponent: 1 }\n`,
    message: /git\.conflict\.perComponent/,
  },
  {
    name: 'a duplicate key',
    yaml: `seed: 1\nseed: 2\n${ok}`,
    message: /is not valid YAML: Map keys must be unique/,
  },
];

describe('bad scenario files', () => {
  it('has at least 25 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  for (const [i, c] of CASES.entries()) {
    it(`rejects ${c.name}, naming the file, the field and the value`, () => {
      const file = join(dir, `bad-${i}.yaml`);
      writeFileSync(file, c.yaml);
      let error: unknown;
      try {
        loadScenario(file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ScenarioError);
      const message = (error as ScenarioError).message;
      expect(message).toContain(`bad-${i}.yaml`);
      expect(message).toMatch(c.message);
      expect(message).not.toMatch(/\n\s+at /);
    });
  }

  it('says which names exist when a scenario name is unknown', () => {
    expect(() => loadScenario('tier9')).toThrow(
      /tier9: \(the file\) is not a scenario name.*Known: .*tier4/,
    );
  });

  it('says a missing file does not exist', () => {
    expect(() => loadScenario(join(dir, 'nope.yaml'))).toThrow(
      /nope\.yaml: \(the file\) does not exist/,
    );
  });
});
