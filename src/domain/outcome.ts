// How a run ended, in one word. The budget's outcomes come first: nothing else in a report says
// that a budget stopped the run, was overspent or turned work away, whereas work left unfinished
// shows in the task counts whatever the outcome.

export const RUN_OUTCOMES = [
  'done',
  'budgetStop',
  'overBudget',
  'refused',
  'stalled',
  'horizon',
] as const;

export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export interface RunFacts {
  /** How the run would have ended without a budget: all done, stalled, or cut by the horizon. */
  readonly ended: 'done' | 'stalled' | 'horizon';
  /** A budget ended the run: its policy is stopRun, or it left only held work that cannot resume. */
  readonly budgetStop: boolean;
  /** More was spent than the run's budget. */
  readonly overBudget: boolean;
  /** Instructions the EM refused at intake because a budget was spent. */
  readonly refused: number;
}

/** The first that applies: budgetStop, overBudget, refused, then stalled, horizon or done. */
export function runOutcome(f: RunFacts): RunOutcome {
  if (f.budgetStop) return 'budgetStop';
  if (f.overBudget) return 'overBudget';
  if (f.refused > 0) return 'refused';
  return f.ended;
}
