import { describe, expect, it } from 'vitest';
import { MAX_PROCESSES, processCount } from '../../src/server/processes';

describe('processCount (WEB_CONCURRENCY)', () => {
  it('is one process per core when not set, at least one and at most the maximum', () => {
    expect(processCount(undefined, 2)).toEqual({ ok: true, count: 2 });
    expect(processCount('', 4)).toEqual({ ok: true, count: 4 });
    expect(processCount(undefined, 0)).toEqual({ ok: true, count: 1 });
    expect(processCount(undefined, 64)).toEqual({ ok: true, count: MAX_PROCESSES });
  });
  it('takes a whole number from 1 to the maximum as it is', () => {
    expect(processCount('1', 8)).toEqual({ ok: true, count: 1 });
    expect(processCount(String(MAX_PROCESSES), 2)).toEqual({ ok: true, count: MAX_PROCESSES });
  });
  it.each(['0', '-2', '1.5', 'two', String(MAX_PROCESSES + 1), '3 workers'])('refuses %j with a message that says what is allowed', (value) => {
    const r = processCount(value, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe(`WEB_CONCURRENCY must be a whole number of server processes from 1 to ${MAX_PROCESSES}; it is "${value}".`);
  });
});
