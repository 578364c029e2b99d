// Requirement changes that came before their instruction's plan (or its intake), held until the
// plan is out and applied then, in the order they came.

import type { RequirementChange } from '../scenario/config.ts';

export class HeldChanges {
  private readonly byInstruction = new Map<string, RequirementChange[]>();

  hold(change: RequirementChange): void {
    const held = this.byInstruction.get(change.instruction);
    if (held === undefined) this.byInstruction.set(change.instruction, [change]);
    else held.push(change);
  }

  /** The changes held for `instruction`, in the order they came; undefined if none. */
  of(instruction: string): readonly RequirementChange[] | undefined {
    return this.byInstruction.get(instruction);
  }

  /** Lets go of the changes held for `instruction`: they have been applied or voided. */
  release(instruction: string): void {
    this.byInstruction.delete(instruction);
  }
}
