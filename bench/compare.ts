// Compares two benchmark result files of the same kind (assign-*.json or sim-*.json): every
// figure side by side with the ratio new ÷ old. Usage: npm run bench:compare -- old.json new.json

import { readFileSync } from 'node:fs';

const [oldFile, newFile] = process.argv.slice(2);
if (!oldFile || !newFile) {
  process.stderr.write('usage: npm run bench:compare -- <old.json> <new.json>\n');
  process.exit(2);
}
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const a = load(oldFile);
const b = load(newFile);
if (a.kind !== b.kind) {
  process.stderr.write(
    `${oldFile} is a ${String(a.kind)} result and ${newFile} a ${String(b.kind)} result: compare like with like\n`,
  );
  process.exit(2);
}

/** Every numeric leaf, by its path: `tier4.msPerRunMedian`, `cells.tier4/weighted.makespanHours.mean`. */
function leaves(value: unknown, path: string, out: Map<string, number>): Map<string, number> {
  if (typeof value === 'number') out.set(path, value);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const key =
        v && typeof v === 'object' && 'scenario' in v && 'strategy' in v
          ? `${v.scenario}/${v.strategy}`
          : v && typeof v === 'object' && 'agents' in v
            ? `agents=${v.agents}`
            : String(i);
      leaves(v, `${path}.${key}`, out);
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      if (k !== 'rows' && k !== 'machine') leaves(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}
const left = leaves(a, '', new Map());
const right = leaves(b, '', new Map());
console.log(`${oldFile} (${String(a.date)}) → ${newFile} (${String(b.date)})`);
for (const [key, before] of left) {
  const after = right.get(key);
  if (after === undefined || key.endsWith('.n') || key.endsWith('.sd')) continue;
  const ratio = before === 0 ? (after === 0 ? 1 : Number.POSITIVE_INFINITY) : after / before;
  if (Math.abs(ratio - 1) < 1e-9) continue;
  console.log(
    `${key.padEnd(60)} ${String(Number(before.toPrecision(6))).padStart(12)} → ${String(Number(after.toPrecision(6))).padStart(12)}  ×${ratio.toFixed(3)}`,
  );
}
