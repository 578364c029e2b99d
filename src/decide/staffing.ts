// Staffing changes on a resolved configuration: ICs added or removed in a domain, a lead's hours
// raised. Each is an immer recipe on the config, so the base is shared and never touched.

import { type Draft, isDraft, produce, current as snapshot } from 'immer';
import type { Domain, IcSpec } from '../domain/org.ts';
import type { SimConfig } from '../scenario/config.ts';
import type { Change } from './variant.ts';

type ConfigChange = Exclude<Change, { kind: 'set' | 'removeEvent' }>;

/** A change that cannot be made to this org, with the reason. */
export class VariantError extends Error {
  override readonly name = 'VariantError';
}

/**
 * The config with the variant's staffing changes; the same object when it has none. `maxPeople`
 * is the scenario's size limit on people, which a variant must keep to as the file does.
 */
export function configOf(
  config: SimConfig,
  changes: readonly Change[],
  maxPeople = Number.POSITIVE_INFINITY,
): SimConfig {
  const own = changes.filter(
    (c): c is ConfigChange => c.kind !== 'set' && c.kind !== 'removeEvent',
  );
  if (own.length === 0) return config;
  return produce(config, (draft) => {
    for (const c of own) apply(draft, c, maxPeople);
  });
}

function apply(draft: Draft<SimConfig>, change: ConfigChange, maxPeople: number): void {
  switch (change.kind) {
    case 'addIcs':
      staff(draft, change.domain, icsIn(draft, change.domain).length + change.by, maxPeople);
      return;
    case 'setIcs':
      staff(draft, change.domain, change.count, maxPeople);
      return;
    case 'leadHours': {
      const lead = draft.org.teams.flatMap((t) => t.leads).find((l) => l.id === change.lead);
      if (lead === undefined) throw new VariantError(`there is no lead "${change.lead}"`);
      lead.calendar.hoursPerDay = Math.min(24, lead.calendar.hoursPerDay * change.factor);
      return;
    }
  }
}

function icsIn(config: Draft<SimConfig> | SimConfig, domain: Domain): IcSpec[] {
  return config.org.teams.flatMap((t) => t.ics.filter((ic) => ic.domain === domain)) as IcSpec[];
}

/** The most common primary-skill level among a domain's ICs (the higher on a tie). */
export function usualLevel(ics: readonly IcSpec[]): number {
  const count = new Map<number, number>();
  for (const ic of ics) {
    const level = ic.skills[ic.domain] ?? 0;
    count.set(level, (count.get(level) ?? 0) + 1);
  }
  let best = 0;
  let most = 0;
  for (const [level, n] of count)
    if (n > most || (n === most && level > best)) [best, most] = [level, n];
  return best;
}

/**
 * Brings a domain to `count` ICs in all. New ICs copy one of the domain's ICs at its usual level,
 * join the team with the most ICs of the domain, and take the first free id `ic-<domain>-<n>`.
 * Removed ICs leave from that team, the last listed first, and never someone an outage names.
 */
function staff(draft: Draft<SimConfig>, domain: Domain, count: number, maxPeople: number): void {
  if (!Number.isInteger(count) || count < 0)
    throw new VariantError(`${domain} cannot have ${count} ICs: give a whole number ≥ 0`);
  const current = icsIn(draft, domain);
  if (current.length === 0 && count > 0)
    throw new VariantError(
      `there are no ${domain} ICs to copy: add ${domain} people to the scenario's org instead`,
    );
  const teams = draft.org.teams;
  const size = new Map(teams.map((t) => [t, t.ics.filter((ic) => ic.domain === domain).length]));
  const biggest = () => teams.reduce((a, b) => ((size.get(b) ?? 0) > (size.get(a) ?? 0) ? b : a));
  const taken = new Set([
    ...teams.flatMap((t) => [t.tl.id, ...t.leads.map((l) => l.id), ...t.ics.map((ic) => ic.id)]),
    draft.org.em.id,
    ...draft.org.humans.map((h) => h.id),
    ...draft.hires.map((h) => h.ic.id),
  ]);
  const people = taken.size - current.length + count;
  if (people > maxPeople)
    throw new VariantError(
      `${count} ${domain} ICs make ${people} people, more than the limit of ${maxPeople}: raise it knowingly with --limits people=${people}`,
    );
  const level = usualLevel(current);
  // A plain copy of each team's template (a draft cannot be cloned; skills copied, not shared).
  const templates = new Map<(typeof teams)[number], IcSpec>();
  const templateOf = (team: (typeof teams)[number]): IcSpec => {
    let plain = templates.get(team);
    if (plain === undefined) {
      const found =
        team.ics.find((ic) => ic.domain === domain && ic.skills[domain] === level) ??
        (current.find((ic) => ic.skills[domain] === level) as Draft<IcSpec>);
      plain = isDraft(found) ? snapshot(found) : (found as IcSpec);
      templates.set(team, plain);
    }
    return plain;
  };
  let n = current.length;
  let k = 1;
  while (n < count) {
    const team = biggest();
    const plain = templateOf(team);
    while (taken.has(`ic-${domain}-${k}`)) k++;
    const id = `ic-${domain}-${k}`;
    taken.add(id);
    team.ics.push({ ...plain, skills: { ...plain.skills }, id, team: team.id } as Draft<IcSpec>);
    size.set(team, (size.get(team) ?? 0) + 1);
    n++;
  }
  const named = new Set(draft.outages.flatMap((o) => [o.person, ...(o.cover ? [o.cover] : [])]));
  const removable = (t: (typeof teams)[number]) =>
    t.ics.filter((ic) => ic.domain === domain && !named.has(ic.id)).length;
  while (n > count) {
    // From the team with the most of the domain's ICs that no outage names.
    const team = teams.reduce((a, b) => (removable(b) > removable(a) ? b : a));
    const index = team.ics.findLastIndex((ic) => ic.domain === domain && !named.has(ic.id));
    if (index < 0)
      throw new VariantError(
        `cannot take a ${domain} IC away: every one left is named by an outage`,
      );
    team.ics.splice(index, 1);
    n--;
  }
}
