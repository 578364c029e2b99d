// Where the run's instructions stand: how many the scenario will send and how many arrived, which
// wait in the EM's intake, and which are accepted and unfinished, in all, per team and per
// priority. Whether work remains, and whether any is in flight, are read from here.

import type { InstructionSpec } from '../scenario/config.ts';
import type { InstructionState } from './world.ts';

export class Workload {
  /** Instructions the scenario will send, and how many have arrived. */
  expected = 0;
  received = 0;
  /** Instructions received and not yet through the EM's intake. */
  readonly pending = new Map<string, InstructionSpec>();
  /** Open (accepted, unfinished) instructions: in all, per team, per priority P0–P3. */
  open = 0;
  readonly openByTeam = new Map<string, number>();
  readonly openByPriority: number[] = [0, 0, 0, 0];

  /** Whether any instruction is still to arrive, in intake, or unfinished. */
  remains(): boolean {
    return this.received < this.expected || this.pending.size > 0 || this.open > 0;
  }

  /** Whether any instruction is in the EM's intake or accepted and unfinished: work in flight. */
  inFlight(): boolean {
    return this.pending.size > 0 || this.open > 0;
  }

  /** Counts an instruction the EM has accepted, per team and priority; `closed` undoes it. */
  opened(instruction: InstructionState): void {
    this.count(instruction, 1);
  }

  closed(instruction: InstructionState): void {
    this.count(instruction, -1);
  }

  private count(instruction: InstructionState, by: 1 | -1): void {
    this.open += by;
    this.openByTeam.set(instruction.team, (this.openByTeam.get(instruction.team) ?? 0) + by);
    const p = instruction.spec.priority;
    this.openByPriority[p] = (this.openByPriority[p] ?? 0) + by;
  }
}
