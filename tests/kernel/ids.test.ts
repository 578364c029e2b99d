import { describe, expect, it } from 'vitest';
import { IdFactory, opaqueIds } from '../../src/kernel/ids.ts';
import { RandomSource } from '../../src/kernel/random.ts';

describe('ids', () => {
  it('numbers each prefix on its own, from 1', () => {
    const ids = new IdFactory();
    expect([ids.next('T'), ids.next('T'), ids.next('msg'), ids.next('T')]).toEqual([
      'T-1',
      'T-2',
      'msg-1',
      'T-3',
    ]);
  });

  it('draws opaque ids from the seeded stream, so a seed repeats them', () => {
    const a = opaqueIds(new RandomSource(5).stream('ids'));
    const b = opaqueIds(new RandomSource(5).stream('ids'));
    const c = opaqueIds(new RandomSource(6).stream('ids'));
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first[0]).toMatch(/^[0-9a-z]{10}$/);
  });
});
