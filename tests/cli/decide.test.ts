// The decision commands as a user runs them: `orgsim forecast`, `compare` and `whatif` in a
// subprocess — what they print, their exit codes, the files they write, and how Ctrl-C ends them.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { finished, orgsim, type Ran, ROOT, STACK_FRAME, snapshot, start } from './orgsim.ts';

const base = mkdtempSync(join(tmpdir(), 'orgsim-decide-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A fresh, empty folder for `--out`. */
const outDir = () => mkdtempSync(join(base, 'out-'));

/** tier1's own seed, read from its file rather than from anything orgsim prints. */
const TIER1_SEED = (
  parse(readFileSync(join(ROOT, 'scenarios', 'tier1.yaml'), 'utf8')) as { seed: number }
).seed;

const METRICS = [
  'makespanHours',
  'leadTimeMeanHours',
  'waitMeanHours',
  'costUsd',
  'tokens',
  'slaBreaches',
  'escalations',
  'peakWip',
  'costPerInstructionUsd',
  'requestsRefused',
  'rateLimitWaitHours',
  'loops',
  'escapedDefects',
  'approvalWaitHours',
  'p0LeadTimeMeanHours',
  'activeAgentsMean',
  'poolUpkeepUsd',
  'totalCostUsd',
  'mergeConflicts',
  'gitHours',
] as const;

interface Summary {
  n: number;
  mean: number;
  sd: number;
  ci95: number | null;
}

interface Forecast {
  schemaVersion: number;
  kind: string;
  scenario: string;
  seedBase: number;
  runs: number;
  runsRule: string;
  partial: boolean;
  deadlineHours: number | null;
  allByDeadline: number | null;
  metrics: Record<string, Summary>;
  instructions: Array<{ id: string; finishedRuns: number; byDeadline: number | null }>;
  rows: Array<{ seed: number; outcome: string; bottleneck: string; makespanHours: number }>;
}

interface Difference {
  mean: number;
  ci95: number | null;
  sd: number;
}

interface Comparison {
  schemaVersion: number;
  kind: string;
  seedBase: number;
  runs: number;
  partial: boolean;
  variants: Array<{
    label: string;
    metrics: Record<string, Summary>;
    versusFirst: Record<string, Difference>;
  }>;
  ranking: { by: string; order: string[]; best: string[] };
}

interface Whatif {
  kind: string;
  runs: number;
  answer: string;
  changes: Array<{ label: string; makespanHours: { mean: number; ci95: number | null } }>;
}

/** A command that must succeed: exit 0 and nothing on stderr; its stdout parsed as JSON. */
function json<T>(r: Ran): T {
  expect(r.stderr, `exit ${r.code}`).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** A command line that must be refused: exit 2, one line, nothing on stdout, nothing written. */
async function refused(args: readonly string[]): Promise<string> {
  const out = outDir();
  const r = await orgsim([...args, '--out', out]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
  expect(snapshot(out)).toEqual([]);
  return r.stderr;
}

/**
 * A long scenario: `count` small instructions (one run takes seconds), with an SLA shorter than
 * the work so that loading it prints a warning. The decision commands print the scenario's
 * warnings just before they catch SIGINT, so the warning on stderr says the handler is installed.
 */
function longScenario(count: number): string {
  const file = join(base, `long-${count}.yaml`);
  const at = Array.from({ length: count }, (_, i) => i / 2).join(', ');
  writeFileSync(
    file,
    `name: long\norg: { teams: 4 }\nsla: { IN_PROGRESS: { timesEstimate: 0.5 } }\narrivals:\n  - { process: schedule, at: [${at}], template: { tier: 2 } }\n`,
  );
  return file;
}

/** Starts `orgsim <args>` and sends SIGINT `delayMs` after its first warning line on stderr. */
function interruptAfterWarning(args: readonly string[], delayMs: number): Promise<Ran> {
  const child = start(args);
  const ended = finished(child);
  let seen = '';
  let sent = false;
  child.stderr?.on('data', (d: Buffer) => {
    seen += d.toString();
    if (!sent && seen.includes('warning: ')) {
      sent = true;
      setTimeout(() => child.kill('SIGINT'), delayMs);
    }
  });
  return ended;
}

describe.concurrent('orgsim forecast', () => {
  it('prints and writes the same bytes whatever the number of workers', async ({ expect }) => {
    const runs = await Promise.all(
      ['1', '2', '0'].map(async (workers) => {
        const out = outDir();
        const r = await orgsim([
          'forecast',
          'tier1',
          '--runs',
          '4',
          '--workers',
          workers,
          '--json',
          '--out',
          out,
        ]);
        return { r, dir: join(out, 'tier1', 'forecast') };
      }),
    );
    const [one, ...others] = runs;
    if (one === undefined) throw new Error('no run');
    const f = json<Forecast>(one.r);
    const file = readFileSync(join(one.dir, 'forecast.json'), 'utf8');
    expect(file).toBe(one.r.stdout);
    for (const other of others) {
      expect(other.r.code, other.r.stderr).toBe(0);
      expect(other.r.stderr).toBe('');
      expect(other.r.stdout).toBe(one.r.stdout);
      expect(readFileSync(join(other.dir, 'forecast.json'), 'utf8')).toBe(file);
      expect(readFileSync(join(other.dir, 'forecast.md'), 'utf8')).toBe(
        readFileSync(join(one.dir, 'forecast.md'), 'utf8'),
      );
    }
    expect(f.schemaVersion).toBe(1);
    expect(f.kind).toBe('forecast');
    expect(f.scenario).toBe('tier1');
    expect(f.runs).toBe(4);
    expect(f.partial).toBe(false);
    expect(f.runsRule).toBe('4 runs, as asked');
    expect(f.seedBase).toBe(TIER1_SEED);
    expect(f.rows.map((r) => r.seed)).toEqual([0, 1, 2, 3].map((i) => TIER1_SEED + i));
    expect(f.metrics.makespanHours?.n).toBe(4);
    expect(f.deadlineHours).toBeNull();
    expect(f.allByDeadline).toBeNull();
    expect(f.instructions.map((i) => [i.id, i.byDeadline])).toEqual([['FIX-1', null]]);
    // The folder: the three reports, the runs as CSV and the marker naming the scenario and the
    // seed base.
    expect(snapshot(one.dir).map((e) => e.slice(0, e.indexOf(':')))).toEqual([
      '.orgsim',
      'forecast.html',
      'forecast.json',
      'forecast.md',
      'runs.csv',
    ]);
    // One line per run: the figures the JSON lists for it.
    const csv = readFileSync(join(one.dir, 'runs.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe(
      'variant,seed,outcome,bottleneck,makespanHours,leadTimeMeanHours,waitMeanHours,costUsd,tokens,slaBreaches,escalations,peakWip,costPerInstructionUsd,requestsRefused,rateLimitWaitHours,loops,escapedDefects,approvalWaitHours,p0LeadTimeMeanHours,activeAgentsMean,poolUpkeepUsd,totalCostUsd,mergeConflicts,gitHours',
    );
    expect(csv.slice(1).map((line) => line.split(',').slice(0, 5))).toEqual(
      f.rows.map((r) => ['base', String(r.seed), r.outcome, r.bottleneck, String(r.makespanHours)]),
    );
    expect(JSON.parse(readFileSync(join(one.dir, '.orgsim'), 'utf8'))).toMatchObject({
      tool: 'orgsim',
      scenario: 'tier1',
      seed: TIER1_SEED,
    });
    expect(readFileSync(join(one.dir, 'forecast.html'), 'utf8')).toContain('<svg');
    expect(readFileSync(join(one.dir, 'forecast.md'), 'utf8')).toMatch(
      /^# Forecast: tier1\n\n4 runs, as asked; seeds 1–4\./,
    );
  });

  it('starts the seeds at --seed-base', async ({ expect }) => {
    const out = outDir();
    const r = await orgsim([
      'forecast',
      'tier1',
      '--runs',
      '4',
      '--workers',
      '0',
      '--seed-base',
      '100',
      '--json',
      '--out',
      out,
    ]);
    const f = json<Forecast>(r);
    expect(f.seedBase).toBe(100);
    expect(f.rows.map((row) => row.seed)).toEqual([100, 101, 102, 103]);
    const marker = JSON.parse(readFileSync(join(out, 'tier1', 'forecast', '.orgsim'), 'utf8'));
    expect(marker.seed).toBe(100);
  });

  it('gives the chance of meeting a deadline in hours', async ({ expect }) => {
    const args = ['forecast', 'tier1', '--runs', '3', '--workers', '0', '--json'];
    const [late, none] = await Promise.all(
      ['10000', '0'].map(async (deadline) =>
        json<Forecast>(await orgsim([...args, '--deadline', deadline, '--out', outDir()])),
      ),
    );
    expect(late?.deadlineHours).toBe(10000);
    expect(late?.instructions.length).toBeGreaterThan(0);
    for (const i of late?.instructions ?? []) expect(i.byDeadline, i.id).toBe(1);
    expect(late?.allByDeadline).toBe(1);
    expect(none?.deadlineHours).toBe(0);
    for (const i of none?.instructions ?? []) expect(i.byDeadline, i.id).toBe(0);
    expect(none?.allByDeadline).toBe(0);
  });

  it('turns --date and --start into the end of that day on the run’s clock', async ({ expect }) => {
    const r = await orgsim([
      'forecast',
      'tier1',
      '--runs',
      '3',
      '--workers',
      '0',
      '--date',
      '2027-01-05',
      '--start',
      '2027-01-04',
      '--json',
      '--out',
      outDir(),
    ]);
    const f = json<Forecast>(r);
    expect(f.deadlineHours).toBe(48);
    expect(f.allByDeadline).not.toBeNull();
  });

  it.for([
    [
      ['--date', '2027-01-05'],
      "--date 2027-01-05 needs --start YYYY-MM-DD, the date of the run's day 0 (a Monday), to know which hour it is\n",
    ],
    [
      ['--date', '2027-01-06', '--start', '2027-01-05'],
      "--start 2027-01-05 is a Tuesday: day 0 of the org's calendar is a Monday; give the Monday the run starts on\n",
    ],
    [['--start', '2027-01-04'], '--start goes with --date: give the deadline date too\n'],
    [
      ['--date', '2027-02-30', '--start', '2027-01-04'],
      '--date takes a date as YYYY-MM-DD, got "2027-02-30"\n',
    ],
    [
      ['--date', '2027-01-01', '--start', '2027-01-04'],
      '--date 2027-01-01 is before --start 2027-01-04\n',
    ],
    [
      ['--deadline', '100', '--date', '2027-01-05', '--start', '2027-01-04'],
      'give --deadline (hours) or --date (a calendar date), not both\n',
    ],
    [['--deadline', '-1'], '--deadline must be a number of hours ≥ 0, got "-1"\n'],
    [['--runs', '0'], '--runs must be a whole number ≥ 1, got "0"\n'],
    [['--warmup', 'x'], '--warmup must be a number of hours ≥ 0, got "x"\n'],
  ] as const)('refuses %j with exit 2', async ([flags, message], { expect }) => {
    expect(await refused(['forecast', 'tier1', ...flags])).toBe(message);
  });

  it('refuses a negative --runs with exit 2, naming the flag and the value', async ({ expect }) => {
    expect(await refused(['forecast', 'tier1', '--runs', '-3'])).toBe(
      '--runs must be a whole number ≥ 1, got "-3"\n',
    );
  });
});

describe.concurrent('orgsim compare', () => {
  it('holds a variant to the scenario’s size limit on people, naming the variant and the fix', async ({
    expect,
  }) => {
    expect(
      await refused(['compare', 'tier1', '--vary', 'ics.backend=3,20000', '--runs', '1']),
    ).toMatch(
      /^variant ics\.backend=20000: 20000 backend ICs make \d+ people, more than the limit of \d+: raise it knowingly with --limits people=\d+\n$/,
    );
  });

  it('names the variant when its staffing change cannot be made', async ({ expect }) => {
    expect(
      await refused([
        'compare',
        'scenarios/ic-outage.yaml',
        '--vary',
        'ics.backend=0',
        '--runs',
        '1',
      ]),
    ).toBe(
      'variant ics.backend=0: cannot take a backend IC away: every one left is named by an outage\n',
    );
  });

  it('compares the values of one --vary, the first against itself', async ({ expect }) => {
    const out = outDir();
    const r = await orgsim([
      'compare',
      'tier1',
      '--runs',
      '3',
      '--workers',
      '0',
      '--vary',
      'strategy=weighted,round-robin',
      '--json',
      '--out',
      out,
    ]);
    const c = json<Comparison>(r);
    expect(c.schemaVersion).toBe(1);
    expect(c.kind).toBe('compare');
    expect(c.runs).toBe(3);
    expect(c.seedBase).toBe(TIER1_SEED);
    expect(c.partial).toBe(false);
    expect(c.variants.map((v) => v.label)).toEqual(['strategy=weighted', 'strategy=round-robin']);
    for (const m of METRICS)
      expect(c.variants[0]?.versusFirst[m], m).toEqual({ mean: 0, ci95: 0, sd: 0 });
    expect(c.ranking.by).toBe('makespanHours');
    expect([...c.ranking.order].sort()).toEqual(['strategy=round-robin', 'strategy=weighted']);
    const dir = join(out, 'tier1', 'compare');
    expect(readFileSync(join(dir, 'compare.json'), 'utf8')).toBe(r.stdout);
    expect(existsSync(join(dir, 'compare.md'))).toBe(true);
    expect(existsSync(join(dir, 'compare.html'))).toBe(true);
    expect(existsSync(join(dir, '.orgsim'))).toBe(true);
  });

  it('runs every combination of two --vary flags, the first varying slowest', async ({
    expect,
  }) => {
    const r = await orgsim([
      'compare',
      'tier1',
      '--runs',
      '2',
      '--workers',
      '0',
      '--vary',
      'strategy=weighted,round-robin',
      '--vary',
      'overheads.intakeHours=0,1',
      '--json',
      '--out',
      outDir(),
    ]);
    const c = json<Comparison>(r);
    expect(c.variants.map((v) => v.label)).toEqual([
      'strategy=weighted, overheads.intakeHours=0',
      'strategy=weighted, overheads.intakeHours=1',
      'strategy=round-robin, overheads.intakeHours=0',
      'strategy=round-robin, overheads.intakeHours=1',
    ]);
    // An hour more of intake in every run: the change shows in the makespan of each pair.
    expect(c.variants[1]?.versusFirst.makespanHours?.mean).toBeGreaterThan(0);
  });

  it('finds no difference at all between two identical scenario files', async ({ expect }) => {
    const source = readFileSync(join(ROOT, 'scenarios', 'tier1.yaml'), 'utf8');
    const dir = mkdtempSync(join(base, 'same-'));
    writeFileSync(join(dir, 'alpha.yaml'), source);
    writeFileSync(join(dir, 'beta.yaml'), source);
    const r = await orgsim([
      'compare',
      join(dir, 'alpha.yaml'),
      join(dir, 'beta.yaml'),
      '--runs',
      '3',
      '--workers',
      '0',
      '--json',
      '--out',
      outDir(),
    ]);
    const c = json<Comparison>(r);
    expect(c.variants.map((v) => v.label)).toEqual(['alpha', 'beta']);
    const [alpha, beta] = c.variants;
    // The runs differ from seed to seed, so a zero difference is the pairing, not a constant.
    expect(alpha?.metrics.makespanHours?.sd).toBeGreaterThan(0);
    for (const m of METRICS) {
      expect(beta?.versusFirst[m]?.mean, m).toBe(0);
      expect(beta?.versusFirst[m]?.sd, m).toBe(0);
      expect(beta?.metrics[m], m).toEqual(alpha?.metrics[m]);
    }
    expect(c.ranking.best).toEqual(['alpha', 'beta']);
  });

  it.for([
    [
      ['tier1'],
      'compare needs variants: --vary key=v1,v2 (e.g. --vary strategy=weighted,critical-path-first) or two or more scenario files\n',
    ],
    [
      ['tier1', '--vary', 'strategy'],
      '--vary takes key=value1,value2 (e.g. strategy=weighted,critical-path-first or ics.security=1,2,3), got "strategy"\n',
    ],
    [
      ['tier1', '--vary', 'ics.marketing=1'],
      '--vary ics.marketing=1: "marketing" is not a domain; use one of frontend, backend, qa, devops, data, security\n',
    ],
    [
      ['tier1', '--vary', 'ics.backend=x'],
      '--vary ics.backend=x: an IC count must be a whole number ≥ 0, got "x"\n',
    ],
    [
      ['tier1', '--vary', 'strategy=weighted,round-robin', '--by', 'nope'],
      '--by takes one of makespanHours, leadTimeMeanHours, waitMeanHours, costUsd, tokens, slaBreaches, escalations, peakWip, costPerInstructionUsd, requestsRefused, rateLimitWaitHours, loops, escapedDefects, approvalWaitHours, p0LeadTimeMeanHours, activeAgentsMean, poolUpkeepUsd, totalCostUsd, mergeConflicts, gitHours, got "nope"\n',
    ],
    [
      ['tier1', '--vary', 'strategy=weighted,weighted'],
      'compare: two variants have the same name; give each scenario file its own name, or each --vary value once\n',
    ],
  ] as const)('refuses %j with exit 2', async ([args, message], { expect }) => {
    expect(await refused(['compare', ...args, '--runs', '2'])).toBe(message);
  });

  it('refuses an unknown strategy, naming the field and the scenario file', async ({ expect }) => {
    expect(await refused(['compare', 'tier1', '--runs', '2', '--vary', 'strategy=nope'])).toMatch(
      /^variant strategy=nope: scenarios\/tier1\.yaml:\d+:\d+: strategy must be one of weighted, .*critical-path-first, or the path of a strategy module \(\.\/my-strategy\.js\), got "nope"\n$/,
    );
  });

  it('refuses a variant that leaves a plan without its ICs, saying it cannot run', async ({
    expect,
  }) => {
    // tier1's one fix is backend work.
    expect(await refused(['compare', 'tier1', '--runs', '2', '--vary', 'ics.backend=0'])).toMatch(
      /^variant ics\.backend=0 cannot run: FIX-1's plan needs backend work and the org has no backend ICs to do it: /,
    );
  });
});

describe.concurrent('orgsim whatif', () => {
  it('tries one more IC in every staffed domain, best first', async ({ expect }) => {
    // The staffed domains from the run's own log, not from whatif.
    const logged = outDir();
    const run = await orgsim(['scenario', 'tier1', '--format', 'json', '--quiet', '--out', logged]);
    expect(run.code, run.stderr).toBe(0);
    const events = readFileSync(join(logged, 'tier1', String(TIER1_SEED), 'events.jsonl'), 'utf8');
    const first = JSON.parse(events.slice(0, events.indexOf('\n'))) as {
      type: string;
      people: Array<{ role: string; domain?: string }>;
    };
    expect(first.type).toBe('run.start');
    const staffed = new Map<string, number>();
    for (const p of first.people)
      if (p.role === 'IC' && p.domain) staffed.set(p.domain, (staffed.get(p.domain) ?? 0) + 1);
    expect(staffed.size).toBeGreaterThan(0);

    const r = await orgsim([
      'whatif',
      'tier1',
      '--runs',
      '3',
      '--workers',
      '0',
      '--json',
      '--out',
      outDir(),
    ]);
    const w = json<Whatif>(r);
    expect(w.kind).toBe('whatif');
    expect(w.runs).toBe(3);
    expect(typeof w.answer).toBe('string');
    expect(w.answer.length).toBeGreaterThan(0);
    const means = w.changes.map((c) => c.makespanHours.mean);
    expect(means).toEqual([...means].sort((a, b) => a - b));
    const icLabels = w.changes.map((c) => c.label).filter((l) => / IC$/.test(l));
    const expected = [...staffed].flatMap(([domain, n]) => [
      `+1 ${domain} IC`,
      ...(n > 1 ? [`−1 ${domain} IC`] : []),
    ]);
    expect(icLabels.sort()).toEqual(expected.sort());
  });

  it('tries the scenario without each outage', async ({ expect }) => {
    const r = await orgsim([
      'whatif',
      'scenarios/ic-outage.yaml',
      '--runs',
      '3',
      '--workers',
      '0',
      '--json',
      '--out',
      outDir(),
    ]);
    const w = json<Whatif>(r);
    expect(w.changes.map((c) => c.label)).toContain(
      'without the outage of ic-backend-3 (from hour 24)',
    );
    const means = w.changes.map((c) => c.makespanHours.mean);
    expect(means).toEqual([...means].sort((a, b) => a - b));
  });
});

describe('a forecast on a pipe', () => {
  it('draws no progress bar: stderr stays empty', async () => {
    const r = await orgsim([
      'forecast',
      'tier1',
      '--runs',
      '2',
      '--workers',
      '1',
      '--out',
      outDir(),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/[\r\u2588\u2591]/);
    expect(r.stdout).toMatch(/^Forecast: tier1\n/);
    expect(r.stdout).toMatch(
      /\nwritten: .+\/tier1\/forecast\/forecast\.md, \.json, \.html and runs\.csv\n$/,
    );
  });
});

describe('a forecast stopped by Ctrl-C', () => {
  it('after some runs writes and prints a partial report, and exits 130', async () => {
    const out = outDir();
    const child = start(['forecast', 'tier4', '--runs', '2000', '--workers', '1', '--out', out]);
    const ended = finished(child);
    // Past tsx's start-up and the first runs (a tier-4 run takes a fraction of a second, a few
    // on a loaded machine), far before the 2,000th.
    const timer = setTimeout(() => child.kill('SIGINT'), 8000);
    const r = await ended;
    clearTimeout(timer);
    expect(r.code, r.stderr).toBe(130);
    const line =
      /^orgsim: stopped by SIGINT; the report written holds the (\d+) runs? finished, marked partial\n$/;
    expect(r.stderr).toMatch(line);
    const said = Number(line.exec(r.stderr)?.[1]);
    const dir = join(out, 'tier4', 'forecast');
    const f = JSON.parse(readFileSync(join(dir, 'forecast.json'), 'utf8')) as Forecast;
    expect(f.partial).toBe(true);
    expect(f.runs).toBeGreaterThan(0);
    expect(f.runs).toBeLessThan(2000);
    expect(f.runs).toBe(said);
    expect(f.runsRule).toBe(`${f.runs} runs finished before the forecast was stopped`);
    // The runs finished are the first seeds, in order.
    const seed = f.seedBase;
    expect(f.rows.map((row) => row.seed)).toEqual(
      Array.from({ length: f.runs }, (_, i) => seed + i),
    );
    expect(readFileSync(join(dir, 'forecast.md'), 'utf8')).toContain('PARTIAL RESULT');
    expect(readFileSync(join(dir, 'forecast.html'), 'utf8')).toContain('PARTIAL RESULT');
    expect(existsSync(join(dir, '.orgsim'))).toBe(true);
    expect(r.stdout).toMatch(/^Forecast: tier4 \(partial\)\nPARTIAL RESULT: /);
  }, 30_000);

  describe('before any run finished', () => {
    // One run of this scenario takes seconds; SIGINT goes 300 ms after the warning the command
    // prints just before it starts catching signals: caught, and before the first run ends.
    let early: Promise<{ r: Ran; out: string }> | undefined;
    const stoppedEarly = () => {
      early ??= (async () => {
        const out = outDir();
        const args = ['forecast', longScenario(2000), '--runs', '2', '--workers', '1'];
        const r = await interruptAfterWarning([...args, '--out', out], 300);
        return { r, out };
      })();
      return early;
    };

    it('writes nothing and says so in one line', async () => {
      const { r, out } = await stoppedEarly();
      expect(r.signal).toBeNull();
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stderr.split('\n').filter((l) => !l.startsWith('warning: '))).toEqual([
        'orgsim: interrupted by SIGINT; nothing was written',
        '',
      ]);
      expect(snapshot(out)).toEqual([]);
    }, 30_000);

    it('exits 130, as Ctrl-C does everywhere else', async () => {
      const { r } = await stoppedEarly();
      expect(r.code).toBe(130);
    }, 30_000);
  });

  // Runs in this thread see the signal between runs: the one under way finishes, then the command
  // stops, reports it marked partial, and exits 130.
  it('with --workers 0 still stops, and exits 130', async () => {
    const out = outDir();
    const args = ['forecast', longScenario(1000), '--runs', '1', '--workers', '0', '--quiet'];
    const r = await interruptAfterWarning([...args, '--out', out], 300);
    expect(r.code).toBe(130);
  }, 30_000);
});
