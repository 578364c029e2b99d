// The rules of the Trace Event Format that a file must keep for ui.perfetto.dev and
// chrome://tracing to draw it as written, checked on the parsed JSON: each problem as a sentence.
// Written from the format's specification and Perfetto's JSON importer, not from orgsim's writer.

type Json = Record<string, unknown>;

const PHASES = new Set(['X', 'i', 'C', 'b', 'e', 'M']);
const METADATA = new Set([
  'process_name',
  'thread_name',
  'process_sort_index',
  'thread_sort_index',
]);

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Every rule `trace` breaks; empty when it keeps them all. */
export function traceProblems(trace: unknown): string[] {
  const problems: string[] = [];
  if (typeof trace !== 'object' || trace === null) return ['the trace is not a JSON object'];
  const { traceEvents, displayTimeUnit } = trace as Json;
  if (!Array.isArray(traceEvents)) return ['traceEvents is not an array'];
  if (displayTimeUnit !== undefined && displayTimeUnit !== 'ms' && displayTimeUnit !== 'ns')
    problems.push(`displayTimeUnit is ${String(displayTimeUnit)}, not ms or ns`);
  const events = traceEvents as Json[];
  events.forEach((e, i) => {
    for (const p of eventProblems(e)) problems.push(`event ${i}: ${p}`);
  });
  if (problems.length > 0) return problems;
  problems.push(...namingProblems(events), ...nestingProblems(events));
  problems.push(...flowProblems(events), ...spanProblems(events));
  return problems;
}

function eventProblems(e: Json): string[] {
  const out: string[] = [];
  if (typeof e.ph !== 'string' || !PHASES.has(e.ph)) return [`unknown phase ${String(e.ph)}`];
  if (typeof e.name !== 'string' || e.name === '') out.push('no name');
  if (!isWhole(e.pid) || !isWhole(e.tid)) out.push('pid and tid must be whole numbers');
  if (typeof e.ts !== 'number' || !Number.isFinite(e.ts) || e.ts < 0) out.push('bad ts');
  if (e.ph === 'X' && !isWhole(e.dur)) out.push('a complete event needs a whole dur ≥ 0');
  if (e.ph === 'X' && e.bind_id !== undefined && (e.flow_in === true) === (e.flow_out === true))
    out.push('a bound slice must be exactly one end of its flow');
  if (e.ph === 'i' && !['g', 'p', 't'].includes(e.s as string)) out.push('instant scope not g/p/t');
  if (e.ph === 'C') {
    const args = e.args as Json | undefined;
    const values = Object.values(args ?? {});
    if (values.length === 0 || !values.every((v) => typeof v === 'number' && Number.isFinite(v)))
      out.push('a counter needs numeric args');
  }
  if ((e.ph === 'b' || e.ph === 'e') && (typeof e.id !== 'string' || typeof e.cat !== 'string'))
    out.push('an async event needs an id and a category');
  if (e.ph === 'M' && !METADATA.has(e.name as string)) out.push(`unknown metadata ${e.name}`);
  return out;
}

/** Every process and track used is named, and a thread id belongs to one process only. */
function namingProblems(events: readonly Json[]): string[] {
  const out: string[] = [];
  const processNames = new Set<number>();
  const threadNames = new Set<number>();
  const processOf = new Map<number, number>();
  for (const e of events) {
    if (e.name === 'process_name') processNames.add(e.pid as number);
    if (e.name === 'thread_name') threadNames.add(e.tid as number);
    if (e.ph === 'C' || (e.ph === 'i' && e.s !== 't') || e.ph === 'M') continue;
    const owner = processOf.get(e.tid as number);
    if (owner !== undefined && owner !== e.pid)
      out.push(`track ${e.tid} is in processes ${owner} and ${e.pid}`);
    processOf.set(e.tid as number, e.pid as number);
  }
  for (const e of events) {
    if (e.ph === 'M') continue;
    if (!processNames.has(e.pid as number)) out.push(`process ${e.pid} has no name`);
    const onTrack = e.ph === 'X' || e.ph === 'b' || e.ph === 'e' || (e.ph === 'i' && e.s === 't');
    if (onTrack && !threadNames.has(e.tid as number)) out.push(`track ${e.tid} has no name`);
  }
  return [...new Set(out)];
}

/**
 * On each track, slices and marks nest: none starts inside another and ends after it. Read in
 * order of start, the longer first at one time, as the importer stacks them.
 */
function nestingProblems(events: readonly Json[]): string[] {
  const out: string[] = [];
  const byTrack = new Map<string, Array<{ ts: number; end: number; name: string }>>();
  for (const e of events) {
    if (e.ph !== 'X' && !(e.ph === 'i' && e.s === 't')) continue;
    const key = `${e.pid}/${e.tid}`;
    const list = byTrack.get(key) ?? [];
    list.push({
      ts: e.ts as number,
      end: (e.ts as number) + ((e.dur as number) ?? 0),
      name: e.name as string,
    });
    byTrack.set(key, list);
  }
  for (const [track, slices] of byTrack) {
    const open: Array<{ end: number; name: string }> = [];
    for (const s of [...slices].sort((a, b) => a.ts - b.ts || b.end - a.end)) {
      // What ended by the time this starts is closed: a slice may begin where another ends.
      while (open.length > 0 && (open.at(-1)?.end as number) <= s.ts) open.pop();
      const parent = open.at(-1);
      if (parent !== undefined && s.end > parent.end)
        out.push(`on track ${track}, "${s.name}" starts inside "${parent.name}" and ends after it`);
      open.push(s);
    }
  }
  return out;
}

/** Each flow has one start and one end, the start no later than the end and written before it. */
function flowProblems(events: readonly Json[]): string[] {
  const out: string[] = [];
  const starts = new Map<number, number>();
  const ended = new Set<number>();
  events.forEach((e, i) => {
    if (e.bind_id === undefined) return;
    const id = e.bind_id as number;
    if (e.flow_out === true) {
      if (starts.has(id)) out.push(`flow ${id} starts twice`);
      starts.set(id, i);
    } else {
      const from = starts.get(id);
      if (from === undefined) out.push(`flow ${id} ends before it starts`);
      else if ((events[from]?.ts as number) > (e.ts as number))
        out.push(`flow ${id} goes back in time`);
      if (ended.has(id)) out.push(`flow ${id} ends twice`);
      ended.add(id);
    }
  });
  for (const id of starts.keys()) if (!ended.has(id)) out.push(`flow ${id} never ends`);
  return out;
}

/** Every async span that begins ends, on the same process, and no span opens twice at once. */
function spanProblems(events: readonly Json[]): string[] {
  const out: string[] = [];
  const open = new Map<string, Json>();
  for (const e of events) {
    if (e.ph !== 'b' && e.ph !== 'e') continue;
    const key = `${e.cat}/${e.id}/${e.pid}`;
    if (e.ph === 'b') {
      if (open.has(key)) out.push(`span ${key} opens while open`);
      open.set(key, e);
    } else if (!open.delete(key)) out.push(`span ${key} ends without beginning`);
  }
  for (const key of open.keys()) out.push(`span ${key} never ends`);
  return out;
}
