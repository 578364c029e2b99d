// The progress of a batch of runs on a TTY: a bar with runs done, runs per second and the time
// left (cli-progress). Nothing on a pipe, a file or with --quiet.

import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/** `workers`, when the runs go to a queue: how many workers serve it, shown beside the rate. */
export function progressBar(
  quiet: boolean,
  stream: NodeJS.WriteStream = process.stderr,
  workers?: () => number,
): Progress {
  if (quiet || !stream.isTTY) return SILENT;
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `  runs {bar} {value}/{total} · {rate} runs/s${workers ? ' · {workers} workers' : ''} · ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let shown = false;
  return {
    update(done, total) {
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? (done / seconds).toFixed(1) : '0';
      const payload = { rate, ...(workers ? { workers: workers() } : {}) };
      if (!shown) {
        bar.start(total, done, payload);
        shown = true;
      } else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop() {
      if (shown) bar.stop();
    },
  };
}
