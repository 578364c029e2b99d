// The rate limits' line in a report's headline, one per model with limits: its 429s, the hours
// its agents waited to retry, the work that failed, the waits under its concurrency cap, and the
// most of its agents at work at once. Only when a model has limits.

import type { Summary } from '../collect/index.ts';
import type { ModelThrottling } from '../collect/rate-limits.ts';
import { n } from './format.ts';

const plural = (k: number, one: string, many = `${one}s`) => `${n(k, 0)} ${k === 1 ? one : many}`;

/** A wait summed over agents, in the unit it reads best in: seconds, minutes or hours. */
function span(hours: number): string {
  const seconds = hours * 3600;
  if (seconds < 60) return `${n(seconds, 0)} s`;
  if (seconds < 3600) return `${n(seconds / 60, 0)} min`;
  return `${n(hours)} h`;
}

function modelPart(m: ModelThrottling): string {
  const by = Object.entries(m.refusedBy)
    .filter(([, k]) => k > 0)
    .map(([limit, k]) => `${limit} ${n(k, 0)}`);
  const parts = [
    `${m.model} ${plural(m.refused, '429')}${by.length > 0 ? ` (${by.join(', ')})` : ''}`,
    `${span(m.retryWaitHours)} waiting to retry`,
    plural(m.failed, 'failed activity', 'failed activities'),
  ];
  if (m.concurrency !== null)
    parts.push(
      `cap ${m.concurrency}: ${plural(m.concurrencyWaits, 'wait')}, ${span(m.concurrencyWaitHours)}`,
    );
  parts.push(`at most ${m.peakWorking} of ${m.agents} agents at work at once`);
  return parts.join(', ');
}

/** `Rate limits: sonnet 68 429s (tokens 68), 24 min waiting to retry, 3 failed activities, …` */
export function rateLimitLine(s: Summary): string | null {
  if (s.rateLimits === undefined) return null;
  return `Rate limits: ${s.rateLimits.byModel.map(modelPart).join(' · ')}`;
}
