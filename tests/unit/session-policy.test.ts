import { describe, expect, it } from 'vitest';
import { SESSION_POLICY, sessionStatus } from '../../src/lib/domain/session-policy';
import { afterFailure, isBlocked, minutesUntil, THROTTLE_POLICY } from '../../src/lib/domain/throttle-policy';

const t0 = new Date('2026-03-02T09:00:00Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('sessionStatus', () => {
  const fresh = { lastSeenAt: t0, expiresAt: plus(7 * 24 * HOUR) };
  it.each([
    ['just created', 0, 'valid'],
    ['4 minutes idle', 4 * MIN, 'valid'],
    ['6 minutes idle: refresh lastSeenAt', 6 * MIN, 'refresh'],
    ['7 hours 59 idle', 8 * HOUR - MIN, 'refresh'],
    ['8 hours idle', 8 * HOUR, 'idle-expired'],
  ])('%s', (_label, elapsed, status) => {
    expect(sessionStatus(fresh, plus(elapsed))).toBe(status);
  });

  it('ends at the absolute timeout even while in use', () => {
    const busy = { lastSeenAt: plus(7 * 24 * HOUR - MIN), expiresAt: plus(7 * 24 * HOUR) };
    expect(sessionStatus(busy, plus(7 * 24 * HOUR - 30_000))).toBe('valid');
    expect(sessionStatus(busy, plus(7 * 24 * HOUR))).toBe('expired');
  });

  it('policy numbers are the documented ones', () => {
    expect(SESSION_POLICY.idleTimeoutMs).toBe(8 * HOUR);
    expect(SESSION_POLICY.absoluteTimeoutMs).toBe(7 * 24 * HOUR);
  });
});

describe('sign-in throttling', () => {
  it('blocks an account after its fifth failure within the window', () => {
    let record = undefined as ReturnType<typeof afterFailure> | undefined;
    for (let i = 1; i <= 4; i++) {
      record = afterFailure('account', record, plus(i * MIN));
      expect(isBlocked(record, plus(i * MIN))).toBeNull();
    }
    record = afterFailure('account', record, plus(5 * MIN));
    expect(record.failures).toBe(5);
    expect(isBlocked(record, plus(5 * MIN))?.getTime()).toBe(plus(5 * MIN + THROTTLE_POLICY.account.blockMs).getTime());
    expect(isBlocked(record, plus(5 * MIN + THROTTLE_POLICY.account.blockMs))).toBeNull();
  });

  it('starts a new window once the old one has passed', () => {
    const old = { failures: 4, firstFailureAt: t0, blockedUntil: null };
    const next = afterFailure('account', old, plus(THROTTLE_POLICY.account.windowMs + 1));
    expect(next).toEqual({ failures: 1, firstFailureAt: plus(THROTTLE_POLICY.account.windowMs + 1), blockedUntil: null });
  });

  it('allows a shared shop address more failures than one account', () => {
    expect(THROTTLE_POLICY.address.maxFailures).toBeGreaterThan(THROTTLE_POLICY.account.maxFailures);
    let record = undefined as ReturnType<typeof afterFailure> | undefined;
    for (let i = 0; i < THROTTLE_POLICY.account.maxFailures; i++) record = afterFailure('address', record, t0);
    expect(isBlocked(record, t0)).toBeNull();
  });

  // What a throttled person is told: whole minutes, rounded up, never "0 minutes".
  it.each([
    ['the whole block ahead', 15 * MIN, 15],
    ['part of a minute left', 30_000, 1],
    ['just over 14 minutes', 14 * MIN + 1, 15],
    ['already over (a clock between check and message)', -MIN, 1],
  ])('minutesUntil: %s', (_label, ahead, minutes) => {
    expect(minutesUntil(plus(ahead), t0)).toBe(minutes);
  });
});
