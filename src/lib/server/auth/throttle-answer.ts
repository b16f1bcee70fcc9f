import { minutesUntil } from '../../domain/throttle-policy';

/**
 * How a throttled form answers, sign-in, the current-password check and invitation links alike: 429
 * with Retry-After in whole minutes. Returns the wait in words ("1 minute", "12 minutes") for the
 * form's message.
 */
export function answerThrottled(response: { status?: number; headers: Headers }, retryAt: Date, now: Date): string {
  const minutes = minutesUntil(retryAt, now);
  response.status = 429;
  response.headers.set('retry-after', String(minutes * 60));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
