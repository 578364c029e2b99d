// What a standup message carries: an IC's report to its lead, a Domain Lead's roll-up to the TL,
// and the TL's roll-up of the team to the EM. The standup report is built from these, so a log
// whose standup content is malformed is refused like any other bad field.

import { z } from 'zod';
import { blockerType, count, domain, hours, id } from './fields.ts';

const blocker = z.strictObject({ task: id, type: blockerType, ageHours: hours });

/** An IC's answer: what it finished since its last report, what it has on, what blocks it. */
const report = z.strictObject({
  day: count,
  person: id,
  yesterday: z.array(id),
  today: z.array(id),
  blockers: z.array(blocker),
});

/** A Domain Lead's roll-up of its ICs' reports and its backlog. */
const domainRollup = z.strictObject({
  day: count,
  domain,
  reports: count,
  done: count,
  planned: count,
  blockers: z.array(blocker),
  backlog: count,
  oldestBacklogHours: hours,
});

/** The TL's roll-up of the team: what each lead said, who is idle, the biggest backlog. */
const teamRollup = z.strictObject({
  day: count,
  team: id,
  leads: z.array(z.union([domainRollup, report])),
  idle: z.array(id),
  biggestBacklog: z.strictObject({ domain, tasks: count, oldestHours: hours }).nullable(),
  blockers: z.array(blocker),
});

export const STANDUP_KINDS = ['standup.report', 'standup.rollup'];

/** The schema a standup message's content must match: by its kind, and for a roll-up its level. */
export function standupContentSchema(kind: string, content: unknown): z.ZodType | null {
  if (kind === 'standup.report') return report;
  if (kind !== 'standup.rollup') return null;
  const byDomain = content !== null && typeof content === 'object' && 'domain' in content;
  return byDomain ? domainRollup : teamRollup;
}
