// What a worker thread returns: its value, or its error as name, message and stack. A thrown
// error crosses a thread as a structured clone, which keeps the name only of JavaScript's own
// errors: a run stopped by a limit (RunLimitError, exit 3) or a scenario's error (exit 2) would
// arrive as a plain Error and end the command as a bug.

export type ThreadOutcome<T> =
  | { readonly value: T }
  | {
      readonly error: { readonly name: string; readonly message: string; readonly stack?: string };
    };

/** `work`'s value, or what it threw, as a thread returns it. */
export function outcomeOf<T>(work: () => T): ThreadOutcome<T> {
  try {
    return { value: work() };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return {
      error: {
        name: e.name,
        message: e.message,
        ...(e.stack === undefined ? {} : { stack: e.stack }),
      },
    };
  }
}

/** The outcome's value; its error, with its name, thrown. */
export function unwrapOutcome<T>(outcome: ThreadOutcome<T>): T {
  if ('value' in outcome) return outcome.value;
  const error = new Error(outcome.error.message);
  error.name = outcome.error.name;
  if (outcome.error.stack !== undefined) error.stack = outcome.error.stack;
  throw error;
}
