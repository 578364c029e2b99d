// The per-work-type table of the forecast and compare reports: one row per work type (per variant
// in a comparison), its figures as the forecast computed them, and no table without work types.

import { describe, expect, it } from 'vitest';
import type { WorkTypeFigures } from '../../src/decide/work-types.ts';
import { markdownOf } from '../../src/report/decision/document.ts';
import { variantWorkTypeBlocks, workTypeBlocks } from '../../src/report/decision/work-types.ts';

const feature: WorkTypeFigures = {
  workType: 'feature',
  done: 4,
  donePerRun: 1,
  leadTimeHours: { n: 4, mean: 25, p50: 25, p85: 35.5, p95: 38.5, max: 40 },
  costUsd: { n: 4, mean: 5, p50: 5, p85: 7.1, p95: 7.7, max: 8 },
};

describe('the per-work-type table', () => {
  it('gives each work type its runs’ share, lead-time and cost percentiles', () => {
    const md = markdownOf(workTypeBlocks([feature]));
    expect(md).toContain('## Per work type');
    expect(md).toMatch(
      /\| feature +\| 1 +\| 25 +\| 35\.5 +\| 38\.5 +\| 5 +\| 5 +\| 7\.1 +\| 7\.7 +\|/,
    );
  });

  it('names the variant in a comparison, and is left out when there are no work types', () => {
    const md = markdownOf(
      variantWorkTypeBlocks([
        { label: 'base', workTypes: [feature] },
        { label: 'more', workTypes: [] },
      ]),
    );
    expect(md).toMatch(/\| base +\| feature +\| 1 +\|/);
    expect(md).not.toContain('| more');
    expect(workTypeBlocks([])).toEqual([]);
    expect(variantWorkTypeBlocks([{ label: 'base', workTypes: [] }])).toEqual([]);
  });
});
