// How skill meets complexity: a mismatch slows work and raises the odds a review rejects it.

import type { SkillLevel } from './org.ts';

/** Task complexity, on the same 1–5 scale as skill. */
export type Complexity = SkillLevel;

/** Multiplier on effort: 1 at or above the task's complexity, +25 % per level short, ×2 without the skill. */
export function effortFactor(skill: number, complexity: Complexity): number {
  if (skill <= 0) return 2;
  return 1 + 0.25 * Math.max(0, complexity - skill);
}

/** Multiplier on a review's rejection probability: +50 % per level short, ×2.5 without the skill. */
export function rejectionFactor(skill: number, complexity: Complexity): number {
  if (skill <= 0) return 2.5;
  return 1 + 0.5 * Math.max(0, complexity - skill);
}
