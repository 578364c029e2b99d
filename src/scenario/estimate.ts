// The size of a scenario before anything is built: people, instructions (arrivals as rate ×
// window) and tactical tasks (the most each plan can have). A scenario over a limit is refused at
// load with the estimate, the limit and how to raise it, so no accepted file can run for hours or
// exhaust memory by its size alone.

import { SHAPES } from '../domain/planning/generate.ts';
import { grouped } from '../text/number.ts';
import { DEFAULT_HEADCOUNT } from './defaults.ts';
import type { FieldPath, ScenarioIssue } from './errors.ts';
import type { Limits } from './limits.ts';
import type { ParsedScenario } from './schema.ts';

type Ics = NonNullable<ParsedScenario['org']['ics']>;
type Fields = Pick<
  ParsedScenario['instructions'][number],
  'tier' | 'plan' | 'shape' | 'domains' | 'workflow'
>;

/** A contribution to an estimate, and where in the file it comes from. */
interface Part {
  readonly path: FieldPath;
  readonly amount: number;
}

export interface Estimate {
  readonly people: number;
  readonly instructions: number;
  readonly tasks: number;
}

function icsIn(ics: Ics | undefined): { count: number; domains: number } {
  const groups = Object.values(ics ?? DEFAULT_HEADCOUNT);
  const counts = groups.map((g) => (typeof g === 'number' ? g : g.count));
  return { count: counts.reduce((a, b) => a + b, 0), domains: counts.filter((c) => c > 0).length };
}

function peopleParts(raw: ParsedScenario): Part[] {
  const parts: Part[] = [];
  const teams = raw.org.teams;
  // A lead per staffed domain; when ICs borrow unstaffed work, possibly one per domain.
  const leads = (staffed: number) =>
    raw.org.unstaffedWork === 'borrow' ? 6 : Math.min(6, staffed);
  if (Array.isArray(teams)) {
    teams.forEach((team, i) => {
      const { count, domains } = icsIn(team.ics ?? {});
      const people = team.people?.length ?? 0;
      // ICs, their leads, and the TL.
      parts.push({
        path: ['org', 'teams', i],
        amount: count + people + leads(domains + people) + 1,
      });
    });
  } else {
    const { count, domains } = icsIn(raw.org.ics);
    const n = teams ?? 1;
    parts.push({
      path: ['org', teams === undefined ? 'ics' : 'teams'],
      amount: n * (count + leads(domains) + 1),
    });
    // Each person, and the lead of their domain if the first team had none.
    parts.push({ path: ['org', 'people'], amount: 2 * (raw.org.people?.length ?? 0) });
  }
  parts.push({ path: ['org', 'humans'], amount: 1 + (raw.org.humans?.length ?? 1) });
  // A hire, and the lead of its domain if its team had none.
  parts.push({ path: ['events'], amount: 2 * raw.events.filter((e) => e.type === 'hire').length });
  return parts;
}

/** The most tactical tasks an instruction's plan can have. */
function tasksOf(fields: Fields, raw: ParsedScenario): number {
  if (fields.plan) return fields.plan.strategic.reduce((n, s) => n + s.tasks.length, 0);
  const workflow = fields.workflow === undefined ? undefined : raw.workflows?.[fields.workflow];
  if (workflow !== undefined) return workflow.steps.length;
  // Without a tier or a known workflow the instruction is refused at resolution.
  if (fields.tier === undefined) return 0;
  const shape = SHAPES[fields.tier];
  const high = (v: number | readonly [number, number] | undefined, dflt: number) =>
    v === undefined ? dflt : typeof v === 'number' ? v : Math.max(v[0], v[1]);
  const strategic = Math.max(
    high(fields.shape?.strategic, shape.strategic[1]),
    fields.domains?.length ?? shape.domains[1],
  );
  return strategic * high(fields.shape?.tacticalPerStrategic, shape.tactical[1]);
}

/**
 * A count of poisson arrivals the draw will not exceed in practice: the mean (rate × window) plus
 * five standard deviations and five (the odds of more are below one in a million).
 */
export function poissonHigh(ratePerDay: number, from: number, until: number): number {
  const mean = (ratePerDay * Math.max(0, until - from)) / 24;
  return Math.ceil(mean + 5 * Math.sqrt(mean) + 5);
}

function workParts(raw: ParsedScenario): { instructions: Part[]; tasks: Part[] } {
  const instructions: Part[] = [];
  const tasks: Part[] = [];
  const add = (path: FieldPath, count: number, each: number) => {
    instructions.push({ path, amount: count });
    tasks.push({ path, amount: count * each });
  };
  raw.instructions.forEach((x, i) => {
    add(['instructions', i], 1, tasksOf(x, raw));
  });
  raw.arrivals.forEach((a, k) => {
    const count =
      a.process === 'schedule' ? a.at.length : poissonHigh(a.ratePerDay, a.from, a.until);
    add(['arrivals', k], count, tasksOf(a.template, raw));
  });
  raw.events.forEach((e, i) => {
    if (e.type === 'incident') add(['events', i], 1, tasksOf({ ...e, plan: undefined }, raw));
    if (e.type === 'requirementChange' && e.add)
      tasks.push({
        path: ['events', i, 'add', 'tasks'],
        amount: typeof e.add.tasks === 'number' ? e.add.tasks : e.add.tasks.length,
      });
  });
  return { instructions, tasks };
}

const sum = (parts: readonly Part[]) => parts.reduce((n, p) => n + p.amount, 0);
const largest = (parts: readonly Part[]): FieldPath =>
  parts.reduce<Part | undefined>(
    (a, b) => (a === undefined || b.amount > a.amount ? b : a),
    undefined,
  )?.path ?? [];
const rounded = (n: number) => grouped(Math.round(n));

export function estimateOf(raw: ParsedScenario): Estimate {
  const { instructions, tasks } = workParts(raw);
  return { people: sum(peopleParts(raw)), instructions: sum(instructions), tasks: sum(tasks) };
}

/** One issue per limit the scenario's estimate exceeds, at the part of the file that adds most. */
export function limitIssues(raw: ParsedScenario, limits: Limits): ScenarioIssue[] {
  const people = peopleParts(raw);
  const { instructions, tasks } = workParts(raw);
  const checks = [
    { key: 'people', parts: people, what: 'people (ICs, leads, TLs, the EM, humans and hires)' },
    {
      key: 'instructions',
      parts: instructions,
      what: 'instructions (poisson arrivals as rate × window, with room for chance)',
    },
    { key: 'tasks', parts: tasks, what: 'tactical tasks (the most each plan can have)' },
  ] as const;
  return checks.flatMap(({ key, parts, what }) => {
    const total = sum(parts);
    if (!(total > limits[key])) return [];
    return [
      {
        path: largest(parts),
        message: `makes the scenario too big to run: about ${rounded(total)} ${what}, over the limit of ${rounded(limits[key])}. Make it smaller, or raise the limit knowingly with --limits ${key}=${Math.ceil(total)}`,
      },
    ];
  });
}
