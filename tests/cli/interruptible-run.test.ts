// The command line's run pauses every few thousand events to let signals through: the pauses
// change nothing in the log, and an aborted run throws the abort's reason at its next pause.

import { describe, expect, it } from 'vitest';
import { runInterruptibly } from '../../src/cli/interruptible-run.ts';
import { Interrupted } from '../../src/cli/signals.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';

describe('runInterruptibly', () => {
  it('writes the same log as runSimulation', async () => {
    for (const name of ['tier4', 'enterprise-50']) {
      const s = loadScenario(name);
      const options = { limits: s.limits, warnings: s.warnings };
      const plain = runSimulation(s.config, s.name, options).log;
      const paused = (
        await runInterruptibly(s.config, s.name, options, new AbortController().signal)
      ).log;
      // More events than one pause's worth, so that the run did pause.
      expect(paused.size).toBeGreaterThan(5000);
      expect(paused.sha256()).toBe(plain.sha256());
    }
  });

  it('stops at its next pause once aborted, with the abort’s reason', async () => {
    const s = loadScenario('enterprise-50');
    const controller = new AbortController();
    let progressed = 0;
    const run = runInterruptibly(
      s.config,
      s.name,
      {
        limits: s.limits,
        // Called at each pause: abort at the first one.
        progress: () => {
          progressed++;
          controller.abort(new Interrupted('SIGTERM'));
        },
      },
      controller.signal,
    );
    await expect(run).rejects.toThrow(Interrupted);
    expect(progressed).toBe(1);
  });
});
