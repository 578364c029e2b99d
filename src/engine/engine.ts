// The one place that chooses how a machine runs: `fast` interprets the XState machine with
// FlatActor, `xstate` runs it as a real XState actor. Everything that starts an actor (a task's
// lifecycle, a person's desk) comes through `startMachine`, so the choice and its default are
// written once.

import { type AnyStateMachine, createActor, type InspectionEvent } from 'xstate';
import { kernelClock } from '../kernel/clock.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { FlatActor } from './flat-actor.ts';

/** The engines a run may use, the default first. */
export const ENGINES = ['fast', 'xstate'] as const;

/** `xstate` runs each actor with XState itself; `fast` interprets the same machines directly. */
export type Engine = (typeof ENGINES)[number];

export const DEFAULT_ENGINE: Engine = 'fast';

export interface StartOptions {
  readonly engine: Engine;
  /** Every event the machine emits, in order. */
  readonly onEmit: (event: unknown) => void;
  /** An error inside the machine (a throwing action or guard). */
  readonly onFailure: (error: unknown) => void;
  /** XState's inspection hook (forces the XState engine): for tests that watch each microstep. */
  readonly inspect?: ((event: InspectionEvent) => void) | undefined;
}

/** What orgsim needs of a running machine, whichever engine runs it. */
export interface MachineActor {
  send(event: never): void;
  getSnapshot(): unknown;
}

/** Starts `machine` with `input` on the kernel's clock, with the engine `options` names. */
export function startMachine(
  machine: AnyStateMachine,
  kernel: Kernel,
  input: unknown,
  options: StartOptions,
): MachineActor {
  if (options.engine === 'fast' && options.inspect === undefined) {
    const actor = new FlatActor<object>(machine, kernel, input);
    actor.on('*', options.onEmit);
    actor.onFailure(options.onFailure);
    return actor.start();
  }
  const actor = createActor(machine, {
    input,
    clock: kernelClock(kernel),
    ...(options.inspect ? { inspect: options.inspect } : {}),
  });
  actor.on('*', options.onEmit);
  actor.subscribe({ error: options.onFailure });
  actor.start();
  return actor;
}
