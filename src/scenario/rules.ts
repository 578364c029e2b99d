// The scenario's event rules as the run reads them (src/domain/rules.ts), with the problems a file
// can have: a repeated id, a condition or an action the trigger cannot have, a pool or a team that
// does not exist, a budget rule in a scenario without a budget (it would never fire).

import type { PoolPolicy } from '../domain/pool.ts';
import type { Rule, RuleAction, RuleCondition } from '../domain/rules.ts';
import type { FieldPath, ScenarioIssue } from './errors.ts';
import type { ParsedScenario } from './schema.ts';

type RawRule = NonNullable<ParsedScenario['rules']>[number];
type RawAction = RawRule['do'][number];

const priorityOf = (p: string | number): number => (typeof p === 'number' ? p : Number(p.slice(1)));

function actionOf(a: RawAction): RuleAction {
  if ('notify' in a) return { kind: 'notify', channel: a.notify };
  if ('escalate' in a) return { kind: 'escalate', priority: priorityOf(a.escalate.priority) };
  if ('assign' in a) return { kind: 'assign', team: a.assign.team };
  if ('scale' in a) return { kind: 'scale', pool: a.scale.pool, to: a.scale.to };
  return { kind: 'pause', pool: a.pause.pool, hours: a.pause.hours ?? null };
}

function conditionOf(r: RawRule): RuleCondition {
  return {
    priorities: r.when?.priority?.map(priorityOf) ?? null,
    workTypes: r.when?.workTypes ?? null,
    domains: r.when?.domains ?? null,
    forHours: r.when?.forHours ?? null,
    shareAtLeast: r.when?.share ?? null,
  };
}

/** Problems with one rule at `at`. */
function ruleIssues(
  r: RawRule,
  at: FieldPath,
  pools: readonly PoolPolicy[],
  teams: readonly string[],
  budgeted: boolean,
  daily: boolean,
): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const task = r.on === 'task.blocked' || r.on === 'task.slaBreach';
  const fits: Record<string, boolean> = {
    forHours: r.on === 'task.blocked',
    share: r.on === 'budget.alert',
    priority: !r.on.startsWith('budget.'),
    workTypes: !r.on.startsWith('budget.'),
    domains: task,
  };
  for (const [key, ok] of Object.entries(fits))
    if (!ok && r.when?.[key as keyof NonNullable<RawRule['when']>] !== undefined)
      issues.push({
        path: [...at, 'when', key],
        message: `does not apply to ${r.on} events: drop it, or watch another event`,
      });
  if (r.on === 'budget.alert' && !budgeted)
    issues.push({
      path: [...at, 'on'],
      message:
        'watches budget alerts, and the scenario has no budget: set cost.budgetUsd or cost.dailyBudgetUsd',
    });
  if (r.on === 'budget.reset' && !daily)
    issues.push({
      path: [...at, 'on'],
      message:
        'watches the daily budget starting again, and the scenario has none: set cost.dailyBudgetUsd',
    });
  r.do.forEach((a, j) => {
    const where: FieldPath = [...at, 'do', j];
    if ('escalate' in a && !task)
      issues.push({
        path: [...where, 'escalate'],
        message: `raises a task's priority, and ${r.on} has no task: watch task.blocked or task.slaBreach`,
      });
    if ('assign' in a) {
      if (r.on !== 'instruction.received')
        issues.push({
          path: [...where, 'assign'],
          message: 'gives an instruction to a team at intake: watch instruction.received',
        });
      if (!teams.includes(a.assign.team))
        issues.push({
          path: [...where, 'assign', 'team'],
          message: `names no team: "${a.assign.team}" (teams: ${teams.join(', ')})`,
        });
    }
    const pool = 'scale' in a ? a.scale.pool : 'pause' in a ? a.pause.pool : null;
    if (pool !== null && !pools.some((p) => p.id === pool)) {
      const known = [...new Set(pools.map((p) => p.id))];
      issues.push({
        path: [...where, 'scale' in a ? 'scale' : 'pause', 'pool'],
        message: `names no pool: "${pool}" (${known.length === 0 ? 'the scenario has no pools section' : `pools: ${known.join(', ')}`})`,
      });
    }
  });
  return issues;
}

export function rulesOf(
  raw: ParsedScenario,
  pools: readonly PoolPolicy[],
  teams: readonly string[],
): { rules: Rule[]; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const ids = new Set<string>();
  const daily = (raw.cost?.dailyBudgetUsd ?? null) !== null;
  const budgeted = daily || (raw.cost?.budgetUsd ?? null) !== null;
  const rules = (raw.rules ?? []).map((r, i): Rule => {
    const at: FieldPath = ['rules', i];
    if (ids.has(r.id))
      issues.push({ path: [...at, 'id'], message: `repeats the rule id "${r.id}"` });
    ids.add(r.id);
    issues.push(...ruleIssues(r, at, pools, teams, budgeted, daily));
    return { id: r.id, on: r.on, when: conditionOf(r), actions: r.do.map(actionOf) };
  });
  return { rules, issues };
}

/** The budget shares the rules watch for: each must be an alert the budget logs. */
export function ruleShares(rules: readonly Rule[]): number[] {
  return rules.flatMap((r) =>
    r.on === 'budget.alert' && r.when.shareAtLeast !== null ? [r.when.shareAtLeast] : [],
  );
}
