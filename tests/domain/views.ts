// What a strategy is shown, for the strategy tests: a backend task of complexity 3 estimated at 4 h,
// and an idle IC of skill 3 at $10 an hour; each test changes only what its story needs.

import type { IcView, TaskView } from '../../src/domain/assignment/strategy.ts';

export const task = (over: Partial<TaskView> = {}): TaskView => ({
  id: 'T1',
  team: 'team-1',
  domain: 'backend',
  complexity: 3,
  estimateHours: 4,
  priority: 2,
  arrival: 0,
  remainingPathHours: 4,
  ...over,
});

export const ic = (id: string, over: Partial<IcView> = {}): IcView => ({
  id,
  skill: 3,
  held: 0,
  wipLimit: 2,
  queuedHours: 0,
  costPerHour: 10,
  familiarity: 0,
  ...over,
});
