// Where the queue is: the URL's forms, credentials from the environment, and a password that
// never reaches a message.

import { describe, expect, it } from 'vitest';
import { redact, redisTarget } from '../../src/queue/connection.ts';

describe('redisTarget', () => {
  it('reads host, port and database, with 6379 and 0 by default', () => {
    expect(redisTarget('redis://cache.internal', {})).toEqual({
      host: 'cache.internal',
      port: 6379,
      db: 0,
      tls: false,
      shown: 'redis://cache.internal/0',
    });
    expect(redisTarget('rediss://10.0.0.5:6380/3', {})).toMatchObject({
      host: '10.0.0.5',
      port: 6380,
      db: 3,
      tls: true,
      shown: 'rediss://10.0.0.5:6380/3',
    });
  });

  it('takes credentials from the URL, else from the environment, and never shows the password', () => {
    const fromUrl = redisTarget('redis://ops:s3cr%40t@h:7000/1', {});
    expect(fromUrl).toMatchObject({ username: 'ops', password: 's3cr@t' });
    expect(fromUrl.shown).toBe('redis://ops:***@h:7000/1');
    const fromEnv = redisTarget('redis://h:7000', {
      ORGSIM_REDIS_USERNAME: 'svc',
      ORGSIM_REDIS_PASSWORD: 'hunter2',
    });
    expect(fromEnv).toMatchObject({ username: 'svc', password: 'hunter2' });
    expect(fromEnv.shown).toBe('redis://svc:***@h:7000/0');
    expect(fromEnv.shown).not.toContain('hunter2');
  });

  it('falls back to ORGSIM_REDIS_URL, and asks for one when there is none', () => {
    expect(redisTarget(undefined, { ORGSIM_REDIS_URL: 'redis://q:1234/2' }).shown).toBe(
      'redis://q:1234/2',
    );
    expect(() => redisTarget(undefined, {})).toThrow(
      'the queue needs a Redis: give --redis redis://host:port[/db] (or set ORGSIM_REDIS_URL)',
    );
  });

  it('names the flag and the fix for a bad URL, without its password', () => {
    expect(() => redisTarget('http://h:6379', {})).toThrow(
      '--redis must start with redis:// (or rediss:// for TLS), got "http://"',
    );
    expect(() => redisTarget('redis://h:6379/zero', {})).toThrow(
      '--redis: the database after the port must be a whole number (redis://host:6379/0), got "/zero"',
    );
    expect(() => redisTarget(undefined, { ORGSIM_REDIS_URL: 'nonsense' })).toThrow(
      'ORGSIM_REDIS_URL must be a URL like redis://host:6379/0, got "nonsense"',
    );
    let message = '';
    try {
      redisTarget('redis://u:topsecret@h:99999', {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('u:***@');
    expect(message).not.toContain('topsecret');
  });
});

describe('redact', () => {
  it('replaces the password of every URL in a text', () => {
    expect(redact('connect redis://a:pw1@h:1 and rediss://:pw2@k/0 failed')).toBe(
      'connect redis://a:***@h:1 and rediss://:***@k/0 failed',
    );
    expect(redact('redis://h:6379/0')).toBe('redis://h:6379/0');
  });
});
