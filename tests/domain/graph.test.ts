// Dependency walks without recursion: a plan of 200,000 tasks in one chain is walked with no
// deeper stack than a plan of one, cycles are named, and the longest remaining chain is exact.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dependencyOrder } from '../../src/domain/planning/graph.ts';
import {
  type Plan,
  planProblems,
  remainingPath,
  type TacticalTask,
} from '../../src/domain/planning/plan.ts';

function chainPlan(n: number): Plan {
  const tactical: TacticalTask[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    strategic: 's',
    instruction: 'I',
    domain: 'backend',
    title: `t${i}`,
    estimateHours: 1,
    complexity: 2,
    dependsOn: i === 0 ? [] : [`t${i - 1}`],
    architectural: false,
  }));
  return { instruction: 'I', tier: 1, strategic: [], tactical };
}

describe('dependency walks', () => {
  it('walk a 200,000-task chain without overflowing the stack', () => {
    const n = 200_000;
    const plan = chainPlan(n);
    expect(planProblems(plan)).toEqual([]);
    const remaining = remainingPath(plan);
    // The chain t0 → t1 → … → t(n-1), 1 h each: from t_i, n − i hours remain.
    expect(remaining.get('t0')).toBe(n);
    expect(remaining.get('t150000')).toBe(n - 150_000);
    expect(remaining.get(`t${n - 1}`)).toBe(1);
  });

  it('name a cycle deep in a long chain, in dependency order', () => {
    const plan = chainPlan(50_000);
    const tactical = plan.tactical.map((t) =>
      t.id === 't40000' ? { ...t, dependsOn: ['t39999', 't40002'] } : t,
    );
    // The walk meets t40000 first of the three (it is listed first): t40000 needs t40002, which
    // needs t40001, which needs t40000.
    expect(planProblems({ ...plan, tactical })).toEqual([
      'dependency cycle: t40000 → t40002 → t40001 → t40000',
    ]);
  });

  it('place every node after its dependencies in an acyclic graph (property)', () => {
    // A random DAG: node i may depend only on nodes before it.
    const dag = fc
      .integer({ min: 1, max: 60 })
      .chain((n) =>
        fc.array(fc.array(fc.nat(n - 1), { maxLength: 4 }), { minLength: n, maxLength: n }),
      );
    fc.assert(
      fc.property(dag, (deps) => {
        const nodes = deps.map((_, i) => `n${i}`);
        const dependsOn = (id: string) => {
          const i = Number(id.slice(1));
          return (deps[i] ?? []).filter((d) => d < i).map((d) => `n${d}`);
        };
        // Shuffle the listing order: the walk must not depend on it.
        const listed = [...nodes].reverse();
        const { order, cycles } = dependencyOrder({ nodes: listed, dependsOn });
        expect(cycles).toEqual([]);
        expect([...order].sort()).toEqual([...nodes].sort());
        const at = new Map(order.map((id, k) => [id, k]));
        for (const id of nodes)
          for (const d of dependsOn(id))
            expect(at.get(d) as number).toBeLessThan(at.get(id) as number);
      }),
      { numRuns: 200, seed: 4 },
    );
  });
});
