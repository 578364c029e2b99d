// The plans a scenario will execute, printed without running it: what `orgsim plan` shows, so a
// designer can read them, and diff them between two org designs (they must not differ).

import { remainingPath } from '../domain/planning/plan.ts';
import type { PlannedSpec } from '../scenario/prepare.ts';
import { n } from './format.ts';

export interface PlansDocument {
  readonly scenario: string;
  readonly seed: number;
  readonly instructions: ReadonlyArray<{
    id: string;
    at: number;
    tier: number;
    priority: string;
    title: string;
    workType?: string;
    workflow?: string;
    strategic: PlannedSpec['plan']['strategic'];
    tactical: PlannedSpec['plan']['tactical'];
    gates?: PlannedSpec['plan']['gates'];
  }>;
}

export function plansDocument(
  scenario: string,
  seed: number,
  instructions: readonly PlannedSpec[],
): PlansDocument {
  return {
    scenario,
    seed,
    instructions: [...instructions]
      .sort((a, b) => a.at - b.at)
      .map((i) => ({
        id: i.id,
        at: i.at,
        tier: i.tier,
        priority: `P${i.priority}`,
        title: i.title,
        ...(i.workType === undefined ? {} : { workType: i.workType }),
        ...(i.workflow === undefined ? {} : { workflow: i.workflow.id }),
        strategic: i.plan.strategic,
        tactical: i.plan.tactical,
        ...(i.plan.gates === undefined ? {} : { gates: i.plan.gates }),
      })),
  };
}

/** One line per strategic task and per tactical task, indented under its instruction. */
export function plansText(doc: PlansDocument): string {
  const tactical = doc.instructions.reduce((k, i) => k + i.tactical.length, 0);
  const strategic = doc.instructions.reduce((k, i) => k + i.strategic.length, 0);
  const out = [
    `orgsim plan · ${doc.scenario} · seed ${doc.seed} · ${doc.instructions.length} instruction${doc.instructions.length === 1 ? '' : 's'}, ${strategic} strategic and ${tactical} tactical tasks`,
  ];
  for (const i of doc.instructions) {
    const hours = i.tactical.reduce((h, t) => h + t.estimateHours, 0);
    const paths = remainingPath({
      instruction: i.id,
      tier: 1,
      strategic: [],
      tactical: i.tactical,
      ...(i.gates === undefined ? {} : { gates: i.gates }),
    });
    let critical = 0;
    for (const h of paths.values()) critical = Math.max(critical, h);
    out.push('');
    const type = i.workType === undefined ? '' : ` · ${i.workType}`;
    out.push(
      `${i.id} · tier ${i.tier} · ${i.priority}${type} · at ${n(i.at, 2)} h · ${i.title} · ${n(hours)} estimated hours, longest chain ${n(critical)} h`,
    );
    for (const s of i.strategic) {
      const after = s.dependsOn.length > 0 ? ` · after ${s.dependsOn.join(', ')}` : '';
      out.push(`  ${s.id}  ${s.domain} · milestone ${s.milestone}${after}`);
      for (const t of i.tactical.filter((x) => x.strategic === s.id)) {
        const deps = t.dependsOn.length > 0 ? ` · after ${t.dependsOn.join(', ')}` : '';
        const arch = t.architectural ? ' · architecture review' : '';
        const limit = t.timeoutHours === undefined ? '' : ` · time limit ${n(t.timeoutHours)} h`;
        out.push(
          `    ${t.id}  ${n(t.estimateHours)} h · complexity ${t.complexity}${arch}${limit}${deps}`,
        );
      }
    }
    for (const g of i.gates ?? []) {
      const who = `${g.rule.mode === 'any' ? 'any of' : 'all of'} ${g.rule.approvers.join(', ')}`;
      const deps = g.dependsOn.length > 0 ? ` · after ${g.dependsOn.join(', ')}` : '';
      out.push(`  ${g.id}  human gate · ${who}${deps}`);
    }
  }
  return `${out.join('\n')}\n`;
}
