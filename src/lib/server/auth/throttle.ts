import { eq, inArray } from 'drizzle-orm';
import { signInThrottle } from '../../../../db/schema';
import { afterFailure, isBlocked, type ThrottleScope } from '../../domain/throttle-policy';
import { db } from '../db';

export interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
}

export function throttleKey(scope: ThrottleScope, value: string): ThrottleKey {
  return { scope, key: `${scope}:${value.toLowerCase()}` };
}

/** The latest time any of these keys is blocked until, or null when none is. */
export async function blockedUntil(keys: ThrottleKey[], now: Date): Promise<Date | null> {
  const rows = await (await db())
    .select()
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keys.map((k) => k.key)));
  let latest: Date | null = null;
  for (const row of rows) {
    const until = isBlocked(row, now);
    if (until && (!latest || until > latest)) latest = until;
  }
  return latest;
}

export async function recordFailure(keys: ThrottleKey[], now: Date): Promise<void> {
  const d = await db();
  await d.transaction(async (tx) => {
    for (const { scope, key } of keys) {
      const [existing] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key));
      const next = afterFailure(scope, existing, now);
      await tx
        .insert(signInThrottle)
        .values({ key, ...next })
        .onConflictDoUpdate({ target: signInThrottle.key, set: next });
    }
  });
}

export async function clearFailures(key: ThrottleKey): Promise<void> {
  await (await db()).delete(signInThrottle).where(eq(signInThrottle.key, key.key));
}
