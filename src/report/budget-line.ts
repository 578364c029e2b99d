// The budget's one line in a report's headline: spent against the budget, the alerts and when they
// fired, when it ran out, what was refused, and the daily budget's days. Only when a budget is set.

import type { Summary } from '../collect/index.ts';
import { n, pct } from './format.ts';

const usd = (v: number) => `$${n(v, 2)}`;
const days = (k: number) => `${k} day${k === 1 ? '' : 's'}`;

function runPart(b: Summary['budget']): string[] {
  const out = [
    b.budgetUsd === null
      ? `${usd(b.spentUsd)} spent`
      : `${usd(b.spentUsd)} of ${usd(b.budgetUsd)} (${pct(b.used ?? 0)})`,
    `policy ${b.policy}`,
  ];
  const alerts = b.alerts.filter((a) => a.scope === 'run');
  if (alerts.length > 0)
    out.push(`alerts ${alerts.map((a) => `${pct(a.threshold)} at ${n(a.t)} h`).join(', ')}`);
  const spent = b.exhausted.find((e) => e.scope === 'run');
  if (spent) out.push(`spent at ${n(spent.t)} h`);
  if (b.overBudget) out.push('over budget');
  return out;
}

function refusedPart(b: Summary['budget']): string[] {
  if (b.refused.length === 0) return [];
  const reasons = [...new Set(b.refused.map((r) => r.reason))].join(', ');
  const ids = b.refused.slice(0, 3).map((r) => r.instruction);
  const more = b.refused.length > 3 ? ` and ${b.refused.length - 3} more` : '';
  return [`refused ${b.refused.length} (${reasons}): ${ids.join(', ')}${more}`];
}

function dailyPart(b: Summary['budget']): string[] {
  const daily = b.dailyBudgetUsd;
  if (daily === null) return [];
  const alerted = new Set(b.alerts.filter((a) => a.scope === 'day').map((a) => a.day)).size;
  const spent = b.days.filter((d) => d.exhaustedAt !== null).length;
  const most = Math.max(0, ...b.days.map((d) => d.spentUsd));
  return [
    `daily ${usd(daily)}: alerts on ${days(alerted)}, spent on ${spent} of ${days(b.days.length)}, most ${usd(most)} (${pct(most / daily)})`,
  ];
}

/** `Budget: …` for a run with a budget, null without one. */
export function budgetLine(s: Summary): string | null {
  const b = s.budget;
  if (b.budgetUsd === null && b.dailyBudgetUsd === null) return null;
  return `Budget: ${[...runPart(b), ...refusedPart(b), ...dailyPart(b)].join(' · ')}`;
}
