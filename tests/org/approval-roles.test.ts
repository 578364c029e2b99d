// Roles for humans: a policy or a gate that names a role asks every human who has it, each once,
// in the order org.humans lists them; a role named like a human, or a name that is neither, is
// refused at load with the field and the names there are.

import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

const HUMANS = [
  { id: 'alice', roles: ['on-call'] },
  { id: 'cto', roles: ['security-lead', 'exec'] },
  { id: 'bob', roles: ['on-call', 'dba'] },
];

function scenario(extra: object, humans: object[] = HUMANS) {
  return loadScenarioObject({
    name: 'roles',
    org: { teams: [{ id: 't', ics: { backend: 2, security: 1, data: 1 } }], humans },
    instructions: [
      { id: 'HOT', at: 0, tier: 1, priority: 'P0', domains: ['backend'] },
      { id: 'SEC', at: 2, tier: 1, priority: 'P2', domains: ['security'] },
      { id: 'MIG', at: 4, tier: 1, priority: 'P2', workflow: 'migration' },
    ],
    workflows: {
      migration: {
        steps: [
          { name: 'design', domain: 'data', estimateHours: 2 },
          { name: 'review', gate: { approvers: ['dba'], escalateTo: ['exec'] } },
          { name: 'migrate', domain: 'data', estimateHours: 2 },
        ],
      },
    },
    ...extra,
  });
}

describe('roles for humans', () => {
  it('asks every human of a role a policy or a gate names, each once, in org.humans order', () => {
    const s = scenario({
      approvals: [
        { id: 'hotfix', when: { priority: ['P0'] }, approvers: ['on-call'], mode: 'any' },
        { id: 'security', when: { domains: ['security'] }, approvers: ['security-lead', 'cto'] },
      ],
    });
    expect(s.config.approvals.map((p) => [p.id, p.approvers])).toEqual([
      ['hotfix', ['alice', 'bob']],
      ['security', ['cto']],
    ]);
    const records = runSimulation(s.config, s.name).log.records;
    const asked = records
      .filter((r): r is Of<'approval.requested'> => r.type === 'approval.requested')
      .map((r) => [r.instruction, r.policy, r.approvers]);
    expect(asked).toEqual([
      ['HOT', 'hotfix', ['alice', 'bob']],
      ['SEC', 'security', ['cto']],
      ['MIG', 'review', ['bob']],
    ]);
    // The gate's escalation names a role too.
    const mig = s.config.instructions.find((i) => i.id === 'MIG');
    expect(mig?.plan?.gates?.map((g) => [g.rule.approvers, g.rule.escalateTo])).toEqual([
      [['bob'], ['cto']],
    ]);
    expect(records.filter((r) => r.type === 'instruction.completed')).toHaveLength(3);
  });

  it('refuses a role named like a human, and a name that is neither, naming the field', () => {
    const clash = () => scenario({}, [...HUMANS, { id: 'dave', roles: ['bob'] }]);
    expect(clash).toThrow(ScenarioError);
    expect(clash).toThrow(/org\.humans\[3\]\.roles\[0\] "bob" is a human's id/);
    const unknown = () => scenario({ approvals: [{ id: 'p', approvers: ['on-call', 'ciso'] }] });
    expect(unknown).toThrow(
      /approvals\[0\]\.approvers\[1\] names "ciso", who is not one of org\.humans nor a role of theirs \(alice, cto, bob, on-call, security-lead, exec, dba\)/,
    );
  });
});
