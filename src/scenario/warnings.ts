// Inputs that are legal but almost certainly not meant: a budget that cannot pay for one task, an
// SLA shorter than the work it times, a horizon that ends before the work arrives. Each is a
// warning (stderr, and the summary's `warnings`); `--strict` makes them errors.

import { modelOf, tokensPerHour, usdPerHour } from '../domain/cost.ts';
import { allPeople } from '../domain/org.ts';
import type { SlaState } from '../domain/sla.ts';
import type { ScenarioIssue } from './errors.ts';
import type { PlannedConfig } from './prepare.ts';
import type { ParsedScenario } from './schema.ts';

const hours = (h: number) => `${Number(h.toFixed(2))} h`;

function horizonWarnings(config: PlannedConfig): ScenarioIssue[] {
  const horizon = config.horizonHours;
  if (!Number.isFinite(horizon)) return [];
  const late = config.instructions.filter((x) => x.at >= horizon);
  if (late.length === 0) return [];
  const first = config.instructions.reduce((m, x) => Math.min(m, x.at), Number.POSITIVE_INFINITY);
  const message =
    late.length === config.instructions.length
      ? `ends the run at ${hours(horizon)}, before the first instruction arrives (at ${hours(first)}): nothing will run`
      : `ends the run at ${hours(horizon)}, before ${late.length} of ${config.instructions.length} instructions arrive (the first of them at ${hours(late[0]?.at ?? 0)})`;
  return [{ path: ['horizonHours'], message: `${message}: raise horizonHours or remove it` }];
}

function budgetWarnings(config: PlannedConfig): ScenarioIssue[] {
  const budget = config.cost.budgetUsd;
  if (budget === null) return [];
  // The cheapest task's execution alone, by the cheapest IC: a lower bound of what one task costs.
  const { cost } = config;
  const ics = allPeople(config.org).filter((p) => p.role === 'IC');
  const costs = config.instructions.flatMap((x) =>
    x.plan.tactical.map((t) => {
      const rates = ics.map((ic) => {
        const model = modelOf(ic, cost.models, cost);
        const tokens = tokensPerHour(model, 'execute', t.complexity);
        return usdPerHour(model ?? cost, tokens, ic.costPerHour);
      });
      return t.estimateHours * rates.reduce((m, r) => Math.min(m, r), Number.POSITIVE_INFINITY);
    }),
  );
  const cheapest = costs.reduce((m, c) => Math.min(m, c), Number.POSITIVE_INFINITY);
  if (!(budget < cheapest)) return [];
  return [
    {
      path: ['cost', 'budgetUsd'],
      message: `is $${budget}, less than the cheapest task's own work costs ($${cheapest.toFixed(2)}): the budget is spent before one task finishes; raise it, or check its unit (USD)`,
    },
  ];
}

/** States whose SLA times one activity of known length, and that activity. */
const TIMED: ReadonlyArray<{
  state: SlaState;
  overhead: keyof PlannedConfig['overheads'];
  what: string;
}> = [
  { state: 'UNDER_REVIEW', overhead: 'reviewMinHours', what: 'a peer review takes at least' },
  { state: 'DOMAIN_REVIEW', overhead: 'domainApprovalHours', what: 'a domain approval takes' },
  {
    state: 'READY_FOR_HANDOFF',
    overhead: 'handoffVerificationHours',
    what: 'a handoff check takes',
  },
];

function slaWarnings(config: PlannedConfig, raw: ParsedScenario): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const factor = config.sla.IN_PROGRESS.timesEstimate;
  if (factor < 1)
    out.push({
      path: ['sla', 'IN_PROGRESS', 'timesEstimate'],
      message: `is ${factor}: the SLA is shorter than the estimate of the work it times, so most tasks breach it; use 1 or more`,
    });
  for (const { state, overhead, what } of TIMED) {
    const sla = config.sla[state as Exclude<SlaState, 'IN_PROGRESS'>];
    const work = config.overheads[overhead];
    if (typeof work !== 'number' || !(sla < work)) continue;
    const userSla = raw.sla?.[state as keyof NonNullable<ParsedScenario['sla']>] !== undefined;
    out.push({
      path: userSla ? ['sla', state] : ['overheads', overhead],
      message: `makes the ${state} SLA (${hours(sla)}) shorter than the work it times (${what} ${hours(work)}): every visit breaches it`,
    });
  }
  return out;
}

export function warningsOf(config: PlannedConfig, raw: ParsedScenario): ScenarioIssue[] {
  return [...horizonWarnings(config), ...budgetWarnings(config), ...slaWarnings(config, raw)];
}
