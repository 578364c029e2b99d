// Messages between people: an event delivered to a desk at the current instant (to whoever
// stands in, while someone is out with a cover), a message of a protocol logged and counted, and a
// broadcast on a channel to every subscriber.

import { DL_WORK } from '../../machines/dl.machine.ts';
import { EM_WORK } from '../../machines/em.machine.ts';
import { HUMAN_WORK } from '../../machines/human.machine.ts';
import { IC_WORK } from '../../machines/ic.machine.ts';
import { TL_WORK } from '../../machines/tl.machine.ts';
import type { ActivityKind } from '../domain/activity.ts';
import type { Role } from '../domain/org.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { OrgRecord, Protocol } from '../log/records.ts';
import type { Roster } from './roster.ts';
import type { Person, RoleEvent } from './world.ts';

/** Per role, the work messages its machine accepts and the activity each becomes. */
const WORK: Record<Role, Readonly<Record<string, ActivityKind>>> = {
  EM: EM_WORK,
  TL: TL_WORK,
  DL: DL_WORK,
  IC: IC_WORK,
  human: HUMAN_WORK,
};

export class Messages {
  readonly counts: Record<Protocol, number> = {
    delegation: 0,
    broadcast: 0,
    handoff: 0,
    standup: 0,
  };

  constructor(
    private readonly kernel: Kernel,
    private readonly roster: Roster,
    /** Logs a record at the current instant. */
    private readonly record: (record: OrgRecord) => void,
  ) {}

  /**
   * Delivers an event to a person at the current instant, after the event being processed. Work
   * for someone who is out with a cover goes to the cover, as the activity it would have been.
   */
  deliver(to: Person, event: Omit<RoleEvent, 'at'>): void {
    const by = this.roster.standIn(to);
    const kind = by === to ? undefined : WORK[to.role][event.type];
    // `at` first: a spread followed by more keys gives each object a hidden class of its own.
    const sent =
      kind === undefined
        ? { at: this.kernel.now, ...event }
        : { at: this.kernel.now, ...event, type: 'cover.work', kind };
    this.kernel.schedule(0, () => (kind === undefined ? to : by).actor.send(sent as never));
  }

  /** Sends a message of `protocol` from one person to another: logged, counted, delivered. */
  message(
    protocol: Protocol,
    kind: string,
    from: string,
    to: Person,
    event: Omit<RoleEvent, 'at'> | null,
    extra: { task?: string; instruction?: string; content?: unknown } = {},
  ): void {
    this.counts[protocol]++;
    this.record({
      type: 'message',
      protocol,
      kind,
      from,
      to: this.roster.standIn(to).spec.id,
      ...extra,
    });
    if (event !== null) this.deliver(to, event);
  }

  /** Publishes on a channel: every subscriber receives it (one message each). */
  broadcast(
    channel: string,
    kind: string,
    from: string,
    extra: { task?: string; instruction?: string } = {},
  ): void {
    const subscribers = this.roster.subscribers(channel);
    this.counts.broadcast += subscribers.length;
    // One kernel event hands the message to every subscriber, in roster order.
    this.kernel.schedule(0, () => {
      const event = { type: 'channel.message', channel, kind, at: this.kernel.now } as never;
      for (const p of subscribers) p.actor.send(event);
    });
    this.record({
      type: 'message',
      protocol: 'broadcast',
      kind,
      from,
      to: channel,
      recipients: subscribers.length,
      ...extra,
    });
  }
}
