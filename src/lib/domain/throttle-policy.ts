/**
 * How repeated sign-in failures are slowed. Counting per account stops a guess-one-password-many-times
 * attack; counting per address stops one machine spraying many accounts. The address limit is higher
 * because a whole shop may share one address.
 */
export const THROTTLE_POLICY = {
  account: { maxFailures: 5, windowMs: 15 * 60 * 1000, blockMs: 15 * 60 * 1000 },
  address: { maxFailures: 30, windowMs: 15 * 60 * 1000, blockMs: 15 * 60 * 1000 },
  invitation: { maxFailures: 10, windowMs: 15 * 60 * 1000, blockMs: 15 * 60 * 1000 },
} as const;

export type ThrottleScope = keyof typeof THROTTLE_POLICY;

export interface ThrottleRecord {
  failures: number;
  firstFailureAt: Date;
  blockedUntil: Date | null;
}

/** Whether a key is blocked now, and until when. */
export function isBlocked(record: ThrottleRecord | undefined, now: Date): Date | null {
  if (!record?.blockedUntil) return null;
  return record.blockedUntil.getTime() > now.getTime() ? record.blockedUntil : null;
}

/** The record after one more failure: a fresh window once the old one has passed. */
export function afterFailure(scope: ThrottleScope, record: ThrottleRecord | undefined, now: Date): ThrottleRecord {
  const policy = THROTTLE_POLICY[scope];
  const inWindow = record && now.getTime() - record.firstFailureAt.getTime() < policy.windowMs;
  const failures = inWindow ? record.failures + 1 : 1;
  const firstFailureAt = inWindow ? record.firstFailureAt : now;
  const blockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.blockMs) : null;
  return { failures, firstFailureAt, blockedUntil };
}

/** Whole minutes until a block ends, at least one: what a throttled person is told to wait. */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}
