// The log is stored in columns; what comes back out must be exactly what went in: the same
// records with their keys in the order written, and the JSON lines JSON.stringify would write.

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLog, type LogRecord } from '../../src/log/event-log.ts';

/** Test records of free shape: the log stores whatever keys and values it is given. */
const free = (r: Record<string, unknown>) => r as unknown as LogRecord;

describe('the columnar event log', () => {
  it('gives back each record with its keys in the order they were written', () => {
    const log = new EventLog();
    log.append(free({ t: 1.5, type: 'b', z: 'last key first', a: 2 }));
    log.append(free({ t: 2, type: 'b', a: 3, z: 'x' }));
    expect(log.records.map((r) => Object.keys(r))).toEqual([
      ['t', 'type', 'z', 'a'],
      ['t', 'type', 'a', 'z'],
    ]);
    expect(log.records).toStrictEqual([
      { t: 1.5, type: 'b', z: 'last key first', a: 2 },
      { t: 2, type: 'b', a: 3, z: 'x' },
    ]);
  });

  it('writes the JSON lines JSON.stringify writes, typed value by value', () => {
    const log = new EventLog();
    const nested = { tasks: [{ id: 'T1', dependsOn: [] }], note: 'ü "quoted" \n' };
    log.append(
      free({
        t: 0.1 + 0.2,
        type: 'mixed',
        on: true,
        off: false,
        none: null,
        gone: undefined,
        nested,
        big: 1e21,
        tiny: -0,
        nan: Number.NaN,
        inf: Number.POSITIVE_INFINITY,
        text: 'tab\there',
      }),
    );
    // Worked out by hand from the JSON spec: undefined drops the key, -0 is 0, NaN and ±Infinity
    // are null, 1e21 is written in exponent form.
    expect(log.toJsonLines()).toBe(
      '{"t":0.30000000000000004,"type":"mixed","on":true,"off":false,"none":null,' +
        '"nested":{"tasks":[{"id":"T1","dependsOn":[]}],"note":"ü \\"quoted\\" \\n"},' +
        '"big":1e+21,"tiny":0,"nan":null,"inf":null,"text":"tab\\there"}\n',
    );
    const [back] = log.records;
    expect(back).toHaveProperty('gone', undefined);
    expect(Object.keys(back as object)).toContain('gone');
    expect((back as unknown as { nested: unknown }).nested).toBe(nested);
    expect(Object.is((back as unknown as { tiny: number }).tiny, -0)).toBe(true);
  });

  it('keeps two records of one type apart when a value changes kind', () => {
    const log = new EventLog();
    log.append(free({ t: 0, type: 'k', v: 1 }));
    log.append(free({ t: 1, type: 'k', v: 'one' }));
    log.append(free({ t: 2, type: 'k', v: null }));
    log.append(free({ t: 3, type: 'k', v: 1 }));
    expect(log.toJsonLines()).toBe(
      '{"t":0,"type":"k","v":1}\n{"t":1,"type":"k","v":"one"}\n{"t":2,"type":"k","v":null}\n{"t":3,"type":"k","v":1}\n',
    );
  });

  it('appends { t, ...rest } without the caller building it', () => {
    const a = new EventLog();
    const b = new EventLog();
    a.append(free({ t: 4.25, type: 'x', person: 'p1' }));
    b.appendAt(4.25, free({ type: 'x', person: 'p1' }));
    expect(b.toJsonLines()).toBe(a.toJsonLines());
    expect(b.records).toStrictEqual(a.records);
  });

  it('holds records past its 65,536-value chunks, and rehashes after an append', () => {
    const log = new EventLog();
    const n = 70_000;
    let text = '';
    for (let i = 0; i < n; i++) {
      const r = { t: i / 3, type: i % 2 === 0 ? 'even' : 'odd', task: `T${i % 97}`, i };
      log.append(free(r));
      text += `${JSON.stringify(r)}\n`;
    }
    expect(log.size).toBe(n);
    expect(log.toJsonLines()).toBe(text);
    expect(log.sha256()).toBe(createHash('sha256').update(text).digest('hex'));
    expect(log.records[69_999]).toStrictEqual({
      t: 69_999 / 3,
      type: 'odd',
      task: 'T62',
      i: 69_999,
    });
    log.append(free({ t: n, type: 'end' }));
    expect(log.sha256()).toBe(
      createHash('sha256').update(`${text}{"t":${n},"type":"end"}\n`).digest('hex'),
    );
    expect(log.records).toHaveLength(n + 1);
  });

  it('round-trips any JSON record: lines and objects as JSON.stringify and the input say', () => {
    const key = fc.constantFrom('a', 'b', 'task', 'person', 'hours', '1', 'é', '__proto__', 'it"s');
    const value = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.jsonValue(),
    );
    const record = fc
      .tuple(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constantFrom('p', 'q'),
        fc.dictionary(key, value),
      )
      .map(([t, type, rest]) => ({ t, type, ...rest }));
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (records) => {
        const log = new EventLog();
        for (const r of records) log.append(free(r));
        expect(log.toJsonLines()).toBe(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
        expect(log.records).toStrictEqual(records);
        expect([...log.each()]).toStrictEqual(records);
      }),
    );
  });
});

describe('the JSON lines hashed, then written', () => {
  it('are made once for the hash and given again, until the next append', () => {
    const log = new EventLog();
    log.append(free({ t: 0, type: 'a', n: 1 }));
    log.append(free({ t: 1, type: 'b', s: 'x' }));
    const text = '{"t":0,"type":"a","n":1}\n{"t":1,"type":"b","s":"x"}\n';
    expect(log.sha256()).toBe(createHash('sha256').update(text).digest('hex'));
    expect([...log.jsonLineChunks()].join('')).toBe(text);
    log.append(free({ t: 2, type: 'c' }));
    expect([...log.jsonLineChunks()].join('')).toBe(`${text}{"t":2,"type":"c"}\n`);
    expect(log.sha256()).toBe(
      createHash('sha256').update(`${text}{"t":2,"type":"c"}\n`).digest('hex'),
    );
  });

  it('writes the very text it hashed, even if a caller changes an object it logged since', () => {
    const log = new EventLog();
    const tasks = [{ id: 'T1' }];
    log.append(free({ t: 0, type: 'plan', tasks }));
    const hashed = '{"t":0,"type":"plan","tasks":[{"id":"T1"}]}\n';
    expect(log.sha256()).toBe(createHash('sha256').update(hashed).digest('hex'));
    tasks.push({ id: 'T2' });
    // Made again, the line would list T2: the chunks kept from the hash are what is written.
    expect([...log.jsonLineChunks()].join('')).toBe(hashed);
  });
});
