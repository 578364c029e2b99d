// A variant's staffing must still run: every plan staffed, the org whole. The same checks the
// scenario loader makes, said about the variant.

import type { SimConfig } from '../org/config.ts';
import { groupedStaffing, type PlannedConfig } from '../org/prepare.ts';
import { orgProblems } from '../org/run.ts';
import { VariantError } from './staffing.ts';

/** Throws VariantError naming the variant and each problem; returns when it can run. */
export function variantProblems(config: SimConfig, label: string): void {
  const problems = [
    ...orgProblems(config),
    ...groupedStaffing(config as PlannedConfig, () => 'all').map((p) => p.message),
  ];
  if (problems.length > 0)
    throw new VariantError(`variant ${label} cannot run: ${problems.join('; ')}`);
}
