// Seeded plan generation from an instruction's tier: the Tech Lead's strategic tasks (per
// domain, in milestones, with cross-domain dependencies) and the Domain Leads' tactical breakdown.

import type { RandomStream } from '../../kernel/random.ts';
import type { Tier } from '../gates.ts';
import { DOMAINS, type Domain } from '../org.ts';
import type { Complexity } from '../skills.ts';
import type { Plan, StrategicTask, TacticalTask } from './plan.ts';

export interface TierShape {
  /** How many domains the instruction touches. */
  readonly domains: readonly [number, number];
  readonly strategic: readonly [number, number];
  /** Tactical tasks per strategic task. */
  readonly tactical: readonly [number, number];
  readonly estimate: readonly [number, number];
  readonly complexity: readonly [Complexity, Complexity];
  readonly milestones: number;
}

/**
 * What an instruction may say about its own plan. `domains`: the domains it works in (all of
 * them from tier 2 on; a tier-1 fix takes one of them). `shape`: overrides of its tier's shape.
 */
export interface PlanHint {
  readonly domains?: readonly Domain[];
  readonly shape?: Partial<Omit<TierShape, 'domains'>>;
}

export const SHAPES: Readonly<Record<Tier, TierShape>> = {
  1: {
    domains: [1, 1],
    strategic: [1, 1],
    tactical: [1, 1],
    estimate: [1, 4],
    complexity: [1, 2],
    milestones: 1,
  },
  2: {
    domains: [1, 2],
    strategic: [2, 3],
    tactical: [1, 3],
    estimate: [2, 8],
    complexity: [1, 3],
    milestones: 2,
  },
  3: {
    domains: [3, 4],
    strategic: [6, 10],
    tactical: [3, 5],
    estimate: [2, 12],
    complexity: [2, 4],
    milestones: 3,
  },
  4: {
    domains: [6, 6],
    strategic: [30, 36],
    tactical: [4, 5],
    estimate: [2, 16],
    complexity: [2, 5],
    milestones: 4,
  },
};

/** Where each domain's work usually sits in a delivery: foundations first, release last. */
const STAGE: Record<Domain, number> = {
  data: 0,
  security: 0,
  backend: 1,
  frontend: 2,
  qa: 3,
  devops: 3,
};

/** Domains whose deliverables get an architecture review in tiers 3–4. */
const ARCHITECTURAL: ReadonlySet<Domain> = new Set(['backend', 'data', 'security', 'devops']);

const FIRST_DOMAIN: readonly Domain[] = ['backend', 'frontend', 'data', 'devops', 'security'];

/**
 * The domains an instruction touches: its tier's rule over all six domains, or the ones the
 * instruction names. Never the org's staffing: the same instruction plans the same in any org.
 */
function pickDomains(tier: Tier, shape: TierShape, random: RandomStream, hint: PlanHint): Domain[] {
  const count = random.int(...shape.domains);
  if (hint.domains !== undefined && hint.domains.length > 0) {
    const named = DOMAINS.filter((d) => hint.domains?.includes(d));
    return tier === 1 ? [random.pick(named)] : named;
  }
  if (count >= DOMAINS.length) return [...DOMAINS];
  const chosen: Domain[] = [random.pick(FIRST_DOMAIN)];
  // From tier 3 on, QA is always involved.
  if (tier >= 3 && count > 1 && !chosen.includes('qa')) chosen.push('qa');
  const rest = DOMAINS.filter((d) => !chosen.includes(d));
  while (chosen.length < count)
    chosen.push(rest.splice(random.int(0, rest.length - 1), 1)[0] as Domain);
  return chosen;
}

function estimate(shape: TierShape, random: RandomStream): number {
  const [lo, hi] = shape.estimate;
  return Math.round((lo + random.float() * (hi - lo)) * 2) / 2;
}

/** The shape of an instruction's plan: its tier's, with what the instruction overrides. */
export function shapeOf(tier: Tier, hint: PlanHint = {}): TierShape {
  return { ...SHAPES[tier], ...hint.shape };
}

/**
 * The Domain Lead's breakdown of strategic task `s` into `n` tactical tasks, estimates and
 * complexities drawn from `random` in the shape's ranges: a first task (after `upstream`), then
 * the middle in parallel, then a last one.
 */
export function breakDown(
  s: StrategicTask,
  n: number,
  upstream: readonly string[],
  tier: Tier,
  shape: TierShape,
  random: RandomStream,
): TacticalTask[] {
  const ids = Array.from({ length: n }, (_, k) => `${s.id}-T${k + 1}`);
  return ids.map((id, k) => {
    const dependsOn =
      k === 0 ? upstream : k === n - 1 && n >= 3 ? ids.slice(1, n - 1) : [ids[0] as string];
    return {
      id,
      strategic: s.id,
      instruction: s.instruction,
      domain: s.domain,
      title: `${s.title}, part ${k + 1}`,
      estimateHours: estimate(shape, random),
      complexity: random.int(...shape.complexity) as Complexity,
      dependsOn: [...dependsOn].sort(),
      architectural: tier >= 3 && k === n - 1 && ARCHITECTURAL.has(s.domain),
    };
  });
}

/** The tasks of a breakdown its consumers wait for: the last one, or the parallel ones of two. */
function deliverables(tasks: readonly TacticalTask[]): string[] {
  const n = tasks.length;
  return (n >= 3 || n === 1 ? tasks.slice(n - 1) : tasks.slice(1)).map((t) => t.id);
}

/**
 * Generates the plan of one instruction from its tier, its hint and `random`, the instruction's
 * own stream: nothing about the org that will run it enters.
 */
export function generatePlan(
  instruction: string,
  tier: Tier,
  random: RandomStream,
  hint: PlanHint = {},
): Plan {
  const shape = shapeOf(tier, hint);
  const domains = pickDomains(tier, shape, random, hint);
  const count = Math.max(random.int(...shape.strategic), domains.length);
  // Every chosen domain gets at least one strategic task; the rest go to random chosen domains.
  const owners = [
    ...domains,
    ...Array.from({ length: count - domains.length }, () => random.pick(domains)),
  ];
  const stages = [...new Set(domains.map((d) => STAGE[d]))].sort((a, b) => a - b);
  const strategic: StrategicTask[] = [];
  owners
    .map((domain, i) => ({ domain, i }))
    .sort((a, b) => STAGE[a.domain] - STAGE[b.domain] || a.i - b.i)
    .forEach(({ domain }, n) => {
      const stage = stages.indexOf(STAGE[domain]);
      const milestone = Math.min(
        shape.milestones - 1,
        Math.floor((stage * shape.milestones) / stages.length),
      );
      const earlier = strategic.filter((s) => s.milestone < milestone);
      const dependsOn: string[] = [];
      if (earlier.length > 0) {
        const fanIn = Math.min(earlier.length, random.int(1, 2));
        const pool = earlier.slice();
        for (let k = 0; k < fanIn; k++)
          dependsOn.push(pool.splice(random.int(0, pool.length - 1), 1)[0]?.id as string);
      } else if (n > 0 && tier <= 2 && strategic.at(-1)) {
        dependsOn.push((strategic.at(-1) as StrategicTask).id);
      }
      strategic.push({
        id: `${instruction}-S${n + 1}`,
        instruction,
        domain,
        title: `${domain} work ${n + 1}`,
        milestone,
        dependsOn: dependsOn.sort(),
      });
    });
  const tactical: TacticalTask[] = [];
  const lastOf = new Map<string, string[]>();
  for (const s of strategic) {
    const n = random.int(...shape.tactical);
    const upstream = s.dependsOn.flatMap((d) => lastOf.get(d) ?? []);
    const tasks = breakDown(s, n, upstream, tier, shape, random);
    for (const t of tasks) tactical.push(t);
    lastOf.set(s.id, deliverables(tasks));
  }
  return { instruction, tier, strategic, tactical };
}
