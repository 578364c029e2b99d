// A reader that stops early (`orgsim … | head`) is not an error: orgsim ends quietly, as `cat`
// does, instead of dying on EPIPE with a stack trace.

import { EXIT } from './exit-codes.ts';
import { fsReason, isFsError } from './fs-reason.ts';

export function endQuietlyOnBrokenPipe(): void {
  process.stdout.on('error', (error: Error) => {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(EXIT.ok);
    const why = isFsError(error) ? fsReason(error) : error.message;
    process.stderr.write(`orgsim: cannot write to standard output: ${why}\n`);
    process.exit(EXIT.usage);
  });
  // Nowhere is left to report a broken stderr; the exit code still says how the command ended.
  process.stderr.on('error', () => {});
}
