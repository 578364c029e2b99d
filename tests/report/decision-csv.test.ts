// The runs as CSV: one line per variant and run, labels with commas quoted, numbers as they are.

import { describe, expect, it } from 'vitest';
import { runFigures } from '../../src/decide/metrics.ts';
import { runsCsv } from '../../src/report/decision/csv.ts';
import { row } from '../decide/rows.ts';

describe('runs.csv', () => {
  it('lists every run of every variant under a header, quoting what needs it', () => {
    const csv = runsCsv([
      {
        label: 'strategy=weighted, ics.qa=2',
        rows: [runFigures(row({ seed: 7, makespanHours: 612.5 }))],
      },
      {
        label: 'b',
        rows: [
          runFigures(row({ seed: 7, makespanHours: 600, bottleneck: 'qa "ICs"', peakWip: 3 })),
        ],
      },
    ]);
    expect(csv).toBe(
      [
        'variant,seed,outcome,bottleneck,makespanHours,leadTimeMeanHours,waitMeanHours,costUsd,tokens,slaBreaches,escalations,peakWip,costPerInstructionUsd,requestsRefused,rateLimitWaitHours,loops,escapedDefects,approvalWaitHours,p0LeadTimeMeanHours,activeAgentsMean,poolUpkeepUsd,totalCostUsd,mergeConflicts,gitHours',
        '"strategy=weighted, ics.qa=2",7,done,none,612.5,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
        'b,7,done,"qa ""ICs""",600,0,0,0,0,0,0,3,0,0,0,0,0,0,0,0,0,0,0,0',
        '',
      ].join('\n'),
    );
  });
});
