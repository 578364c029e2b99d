// A run's id: a function of the question it asks (the command, the scenarios' texts, the flags
// that change what runs, the orgsim version), so that asking again finds the run a stopped
// command left in the queue, and `--resume` can check it is given the same question.

import { VERSION } from '../package-root.ts';
import { sha256 } from './payload.ts';

export function runIdOf(question: {
  readonly command: string;
  readonly scenarios: readonly string[];
  readonly flags: Readonly<Record<string, unknown>>;
}): string {
  const asked = JSON.stringify({
    orgsim: VERSION,
    command: question.command,
    scenarios: question.scenarios.map(sha256),
    flags: Object.fromEntries(
      Object.entries(question.flags)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  });
  return `r${sha256(asked).slice(0, 16)}`;
}
