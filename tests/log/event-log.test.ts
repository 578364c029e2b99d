// The log's fingerprint: the SHA-256 of its JSON-lines form, computed without ever holding that
// form in one string, so that a log too large for one string still has one.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';

describe('EventLog.sha256', () => {
  it('is the SHA-256 of the JSON lines, worked out by sha256sum', () => {
    // printf '{"t":0,"type":"run.end","reason":"done","openTasks":0}\n' | sha256sum
    const log = new EventLog();
    log.append({ t: 0, type: 'run.end', reason: 'done', openTasks: 0 });
    expect(log.sha256()).toBe('59ce7aedc82e4a5fa67c998b19c08c2c8d4ecf43a649a24107a4b4b1d34fdf7c');
    // printf '' | sha256sum
    expect(new EventLog().sha256()).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes a log larger than its 1 MiB batches as one text', () => {
    const scenario = loadScenario('tier4');
    const { log } = runSimulation(scenario.config, scenario.name);
    const text = log.toJsonLines();
    expect(text.length).toBeGreaterThan(2 ** 20);
    expect(log.sha256()).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('writes the log in chunks of at least 1 MiB that join to one JSON line per record', () => {
    const scenario = loadScenario('tier4');
    const { log } = runSimulation(scenario.config, scenario.name);
    const chunks = [...log.jsonLineChunks()];
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(2 ** 20);
    const lines = log.records.map((r) => `${JSON.stringify(r)}\n`).join('');
    expect(chunks.join('')).toBe(lines);
  });
});
