/**
 * When a session stops being valid. Staff sign in on shared shop-floor devices, so an idle session must
 * end the same working day; the absolute limit makes even a busy device sign in again each week.
 */
export const SESSION_POLICY = {
  idleTimeoutMs: 8 * 60 * 60 * 1000,
  absoluteTimeoutMs: 7 * 24 * 60 * 60 * 1000,
  /** Writing lastSeenAt on every request would make every page a write; a few minutes' slack is enough. */
  activityRefreshMs: 5 * 60 * 1000,
} as const;

export type SessionStatus = 'valid' | 'refresh' | 'idle-expired' | 'expired';

export function sessionStatus(s: { lastSeenAt: Date; expiresAt: Date }, now: Date): SessionStatus {
  const t = now.getTime();
  if (t >= s.expiresAt.getTime()) return 'expired';
  if (t - s.lastSeenAt.getTime() >= SESSION_POLICY.idleTimeoutMs) return 'idle-expired';
  if (t - s.lastSeenAt.getTime() >= SESSION_POLICY.activityRefreshMs) return 'refresh';
  return 'valid';
}
