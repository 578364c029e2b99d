// What is wrong with a scenario's outages, found before a run: unknown people, bad times, overlaps,
// and covers who cannot cover.

import { coverProblem } from '../domain/cover.ts';
import { allPeople, type PersonSpec } from '../domain/org.ts';
import type { Outage, SimConfig } from './config.ts';

export interface OutageIssue {
  /** The outage's position in the configuration's list. */
  readonly outage: number;
  readonly field: 'person' | 'from' | 'to' | 'cover';
  readonly message: string;
}

/** What is wrong with the outages: unknown people, bad times, overlaps and covers who cannot cover. */
export function outageIssues(config: Pick<SimConfig, 'org' | 'hires' | 'outages'>): OutageIssue[] {
  const people = new Map<string, { spec: PersonSpec; from: number }>();
  for (const p of allPeople(config.org)) people.set(p.id, { spec: p, from: 0 });
  for (const h of config.hires) people.set(h.ic.id, { spec: h.ic, from: h.at });
  const examples = [...people.keys()].slice(0, 3).join(', ');
  const out: OutageIssue[] = [];
  const overlaps = (o: Outage, p: Outage) => p.from < o.to && o.from < p.to;
  config.outages.forEach((o, i) => {
    const issue = (field: OutageIssue['field'], message: string) =>
      out.push({ outage: i, field, message });
    const person = people.get(o.person);
    if (person === undefined)
      issue('person', `names no one in the org: "${o.person}" (for example: ${examples})`);
    if (!(o.to > o.from)) issue('to', `must be later than from (${o.from}), got ${o.to}`);
    if (person !== undefined && person.from > o.from)
      issue(
        'from',
        `is before ${o.person} is hired (at ${person.from}): start the outage at or after the hire`,
      );
    const earlier = config.outages.find((p, j) => j < i && p.person === o.person && overlaps(o, p));
    if (earlier)
      issue(
        'from',
        `makes outages of ${o.person} overlap (${earlier.from}–${earlier.to} and ${o.from}–${o.to}): merge them into one`,
      );
    if (o.cover === undefined || person === undefined) return;
    const cover = people.get(o.cover);
    if (cover === undefined) {
      issue('cover', `names no one in the org: "${o.cover}" (for example: ${examples})`);
      return;
    }
    const problem = coverProblem(person.spec, cover.spec);
    if (problem !== null) issue('cover', problem);
    if (cover.from > o.from)
      issue('cover', `is hired at ${cover.from}, after the outage starts (${o.from})`);
    const away = config.outages.find((p) => p.person === o.cover && overlaps(o, p));
    if (away)
      issue(
        'cover',
        `is out at the same time (${away.from}–${away.to}): name someone who is present`,
      );
  });
  return out;
}
