// One line of a log against the schema: a record passes as it is, and anything else is named by
// its field, what the field must be, and what it was.

import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/log/check-record.ts';
import {
  breach,
  ic,
  LEADS,
  message,
  move,
  runEnd,
  runStart,
  tactical,
  work,
} from '../collect/log-builder.ts';

/** The problem found in `value`, or "ok". */
function problem(value: unknown): string {
  const checked = checkRecord(value);
  return checked.ok ? 'ok' : checked.problem;
}

/** A record built by `make`, with `change` written over it (as JSON would hold it). */
function changed(make: object, change: Record<string, unknown>): unknown {
  return { ...JSON.parse(JSON.stringify(make)), ...change };
}

describe('checkRecord', () => {
  it('passes a valid record through as it was read, keys in their order', () => {
    const record = JSON.parse(JSON.stringify(work(5, 'ic-1', 'execute', 1, 2, 'T1')));
    const checked = checkRecord(record);
    expect(checked).toEqual({ ok: true, record });
    expect(checked.ok && checked.record).toBe(record);
  });

  it('wants a JSON object on each line', () => {
    expect(problem(null)).toBe('must be a JSON object (one record), got null');
    expect(problem([1, 2])).toBe('must be a JSON object (one record), got [1,2]');
    expect(problem('work')).toBe('must be a JSON object (one record), got "work"');
  });

  it('names the record types when the type is missing or unknown', () => {
    expect(problem({ t: 1 })).toMatch(
      /^type must be a record type of an orgsim log \(task\.transition, .*, run\.end\), got nothing$/,
    );
    expect(problem({ t: 1, type: 'task.moved' })).toMatch(/, got "task\.moved"$/);
    // A name every object has is not a record type.
    expect(problem({ t: 1, type: 'toString' })).toMatch(/, got "toString"$/);
    expect(problem({ t: 1, type: 7 })).toMatch(/, got 7$/);
  });

  it('says what a number must be', () => {
    expect(problem(changed(runEnd(3), { t: -1 }))).toBe('t must be ≥ 0, got -1');
    expect(problem(changed(runEnd(3), { openTasks: 1.5 }))).toBe(
      'openTasks must be a whole number, got 1.5',
    );
    expect(problem(changed(runEnd(3), { openTasks: '2' }))).toBe(
      'openTasks must be a number, got "2"',
    );
    expect(problem(changed(breach(3, 'T1', 'ASSIGNED', 8), { slaHours: 0 }))).toBe(
      'slaHours must be > 0, got 0',
    );
  });

  it('shows a number too large for JSON as what it became, not as null', () => {
    // JSON.parse reads 1e400 as Infinity; JSON.stringify would print it as null.
    expect(problem(JSON.parse('{"t":1e400,"type":"run.end","reason":"done","openTasks":0}'))).toBe(
      't must be a number, got a number too large to hold (Infinity)',
    );
  });

  it('names a missing field, an empty id and a wrong enum value', () => {
    const { task: _, ...noTask } = move(1, 'T1', null, 'PENDING') as { task: string };
    expect(problem(noTask)).toBe('task must be a string, got nothing');
    expect(problem(changed(move(1, 'T1', null, 'PENDING'), { task: '' }))).toBe(
      'task must be a non-empty string, got ""',
    );
    expect(problem(changed(move(1, 'T1', 'PENDING', 'IN_PLANNING'), { to: 'DONE' }))).toMatch(
      /^to must be one of "PENDING", "IN_PLANNING", .*"CANCELLED", got "DONE"$/,
    );
  });

  it('refuses a key the record type does not have, at the top or inside', () => {
    expect(problem(changed(runEnd(3), { zz: 1 }))).toBe(
      'the run.end record has an unknown key "zz"',
    );
    const start = JSON.parse(JSON.stringify(runStart([...LEADS])));
    start.people[1].calendar.timezone = 'UTC';
    expect(problem(start)).toBe('people[1].calendar has an unknown key "timezone"');
  });

  it('gives the path of a bad field inside a list', () => {
    const plan = JSON.parse(JSON.stringify(tactical(2, 'I1', 'S1', [{ id: 'T1' }, { id: 'T2' }])));
    plan.tasks[1].priority = 7;
    expect(problem(plan)).toBe('tasks[1].priority must be ≤ 3, got 7');
    plan.tasks[1].priority = 2;
    plan.tasks[0].complexity = 1.5;
    expect(problem(plan)).toBe('tasks[0].complexity must be one of 1, 2, 3, 4, 5, got 1.5');
    const start = JSON.parse(JSON.stringify(runStart([...LEADS, ic('ic-1', 'backend')])));
    start.people[3].calendar.hoursPerDay = 25;
    expect(problem(start)).toBe('people[3].calendar.hoursPerDay must be ≤ 24, got 25');
    start.people[3].calendar.hoursPerDay = 8;
    start.people[3].skills.backend = 9;
    expect(problem(start)).toBe('people[3].skills.backend must be one of 1, 2, 3, 4, 5, got 9');
  });

  it('checks what a standup message carries, which the standup report is built from', () => {
    const report = { day: 0, person: 'ic-1', yesterday: [], today: ['T1'], blockers: [] };
    const said = (kind: string, content: unknown) =>
      problem(message(9, 'standup', kind, 'ic-1', 'dl-backend', { content }));
    expect(said('standup.report', report)).toBe('ok');
    expect(said('standup.report', { ...report, today: 'T1' })).toBe(
      'content.today must be a list, got "T1"',
    );
    expect(
      said('standup.report', { ...report, blockers: [{ task: 'T1', type: 'tech', ageHours: 2 }] }),
    ).toMatch(/^content\.blockers\[0\]\.type must be one of "technical", .*, got "tech"$/);
    expect(said('standup.chat', report)).toBe(
      'kind must be one of "standup.report", "standup.rollup", got "standup.chat"',
    );
    // A Domain Lead's roll-up names its domain; the TL's names its team.
    const rollup = {
      day: 0,
      domain: 'backend',
      reports: 1,
      done: 0,
      planned: 1,
      blockers: [],
      backlog: 0,
      oldestBacklogHours: 0,
    };
    expect(said('standup.rollup', rollup)).toBe('ok');
    expect(said('standup.rollup', { ...rollup, backlog: -1 })).toBe(
      'content.backlog must be ≥ 0, got -1',
    );
    const team = {
      day: 0,
      team: 'team-1',
      leads: [rollup],
      idle: [],
      biggestBacklog: null,
      blockers: [],
    };
    expect(said('standup.rollup', team)).toBe('ok');
    expect(said('standup.rollup', { ...team, idle: null })).toBe(
      'content.idle must be a list, got null',
    );
    // Other protocols' content is not read by any report: anything goes.
    expect(problem(message(9, 'handoff', 'handoff.offer', 'ic-1', 'dl-qa', { content: 'x' }))).toBe(
      'ok',
    );
  });

  it('accepts the warnings a run.start lists, as non-empty strings', () => {
    const start = JSON.parse(JSON.stringify(runStart([...LEADS])));
    expect(problem({ ...start, warnings: ['budget below one task'] })).toBe('ok');
    expect(problem({ ...start, warnings: 'budget below one task' })).toBe(
      'warnings must be a list, got "budget below one task"',
    );
    expect(problem({ ...start, warnings: [''] })).toBe(
      'warnings[0] must be a non-empty string, got ""',
    );
  });

  it('wants true or false where the record says yes or no', () => {
    const decided = {
      t: 1,
      type: 'instruction.decided',
      instruction: 'I1',
      go: 'yes',
      reason: 'fits',
      by: 'em',
    };
    expect(problem(decided)).toBe('go must be true or false, got "yes"');
    expect(problem({ ...decided, go: true })).toBe('ok');
  });
});
