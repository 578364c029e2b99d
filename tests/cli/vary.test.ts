// `--vary key=v1,v2` read into variants: values typed as YAML scalars, `ics.<domain>` as a
// staffing change, several flags as every combination; bad specs refused with the fix.

import { describe, expect, it } from 'vitest';
import { parseVary, variantsOf } from '../../src/cli/vary.ts';

describe('--vary', () => {
  it('reads each value as a YAML scalar on the field’s path', () => {
    expect(parseVary('overheads.intakeHours=0,0.5,1e1')).toEqual([
      {
        label: 'overheads.intakeHours=0',
        change: { kind: 'set', path: ['overheads', 'intakeHours'], value: 0 },
      },
      {
        label: 'overheads.intakeHours=0.5',
        change: { kind: 'set', path: ['overheads', 'intakeHours'], value: 0.5 },
      },
      {
        label: 'overheads.intakeHours=1e1',
        change: { kind: 'set', path: ['overheads', 'intakeHours'], value: 10 },
      },
    ]);
    expect(parseVary('cost.budgetUsd=null,500').map((o) => o.change)).toEqual([
      { kind: 'set', path: ['cost', 'budgetUsd'], value: null },
      { kind: 'set', path: ['cost', 'budgetUsd'], value: 500 },
    ]);
    expect(parseVary('gates.peerReview.enabled=true,false').map((o) => o.change)).toEqual([
      { kind: 'set', path: ['gates', 'peerReview', 'enabled'], value: true },
      { kind: 'set', path: ['gates', 'peerReview', 'enabled'], value: false },
    ]);
    // A list index is a number on the path; text stays text.
    expect(parseVary('instructions.0.priority=P0')[0]?.change).toEqual({
      kind: 'set',
      path: ['instructions', 0, 'priority'],
      value: 'P0',
    });
  });

  it('reads ics.<domain> as the number of ICs in the domain', () => {
    expect(parseVary('ics.security=1,3').map((o) => o.change)).toEqual([
      { kind: 'setIcs', domain: 'security', count: 1 },
      { kind: 'setIcs', domain: 'security', count: 3 },
    ]);
  });

  it('gives every combination of several flags, the first varying slowest', () => {
    const variants = variantsOf(['strategy=weighted,specialist', 'ics.qa=1,2']);
    expect(variants.map((v) => v.label)).toEqual([
      'strategy=weighted, ics.qa=1',
      'strategy=weighted, ics.qa=2',
      'strategy=specialist, ics.qa=1',
      'strategy=specialist, ics.qa=2',
    ]);
    expect(variants[3]?.changes).toEqual([
      { kind: 'set', path: ['strategy'], value: 'specialist' },
      { kind: 'setIcs', domain: 'qa', count: 2 },
    ]);
  });

  it('builds on a file’s variant: its label first', () => {
    const base = { label: 'tier3', scenario: 'scenarios/tier3.yaml', changes: [] };
    expect(variantsOf(['strategy=weighted'], base)).toEqual([
      {
        label: 'tier3, strategy=weighted',
        scenario: 'scenarios/tier3.yaml',
        changes: [{ kind: 'set', path: ['strategy'], value: 'weighted' }],
      },
    ]);
    expect(variantsOf([], base)).toEqual([base]);
  });

  it('refuses what it cannot read, saying how to write it', () => {
    expect(() => parseVary('strategy')).toThrow(/--vary takes key=value1,value2/);
    expect(() => parseVary('strategy=')).toThrow(/--vary takes key=value1,value2/);
    expect(() => parseVary('=a,b')).toThrow(/--vary takes key=value1,value2/);
    expect(() => parseVary('org..ics=1')).toThrow(/is not a field path/);
    expect(() => parseVary('strategy=a,,b')).toThrow(/a value is empty/);
    expect(() => parseVary('ics.marketing=1')).toThrow(
      /"marketing" is not a domain; use one of frontend/,
    );
    expect(() => parseVary('ics.qa=1.5')).toThrow(
      /an IC count must be a whole number ≥ 0, got "1.5"/,
    );
  });
});
