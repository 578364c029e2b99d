// Decide from replications, as a script: when will tier4 finish, and does serving the critical
// path first beat the weighted strategy? Run: npx tsx examples/decide.ts
import { compare, forecast } from '../src/index.ts';

const f = await forecast('tier4', { runs: 20, deadlineHours: 800 });
const m = f.metrics.makespanHours;
console.log(`tier4 over ${f.runs} runs: P50 ${m.p50} h, P85 ${m.p85} h, P95 ${m.p95} h`);
console.log(`chance of finishing by hour 800: ${(f.allByDeadline ?? 0) * 100} %`);

const c = await compare(
  'tier4',
  ['weighted', 'critical-path-first'].map((strategy) => ({
    label: strategy,
    changes: [{ kind: 'set', path: ['strategy'], value: strategy }],
  })),
  { runs: 20 },
);
const d = c.variants[1]?.versusFirst.makespanHours;
console.log(`critical-path-first − weighted: ${d?.mean} h ± ${d?.ci95} (95 %, paired)`);
console.log(`cannot be told from the best: ${c.ranking.best.join(', ')}`);
