// Every property test stops after four minutes and fails if it has not finished: a property that
// fails on a large input can spend far longer shrinking it, synchronously, than CI allows, and a
// run that hangs says nothing. Interrupted, fast-check reports what it had found and its seed.

import fc from 'fast-check';

// The plugin form cannot be set globally (fast-check 4.10): the deprecated options can.
fc.configureGlobal({ interruptAfterTimeLimit: 240_000, markInterruptAsFailure: true });
