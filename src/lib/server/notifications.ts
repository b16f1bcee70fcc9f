import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { notification } from '../../../db/schema';
import type { Database } from '../../../db/client';
import { db, prepared } from './db';
import { newId } from './ids';

export async function notify(input: { userId: string; text: string; link?: string }, now: Date, executor?: Pick<Database, 'insert'>): Promise<void> {
  const target = executor ?? (await db());
  await target.insert(notification).values({ id: newId(), userId: input.userId, text: input.text, link: input.link ?? null, createdAt: now });
}

/** Built once: the count is on the learner's and the manager's homes. */
const notificationQueries = prepared((d) => ({
  unread: d
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.userId, sql.placeholder('userId')), isNull(notification.readAt)))
    .prepare(),
}));

export async function unreadCount(userId: string): Promise<number> {
  const [row] = await (await notificationQueries()).unread.all({ userId });
  return row?.n ?? 0;
}

export async function recentNotifications(userId: string, limit = 50) {
  return (await db()).select().from(notification).where(eq(notification.userId, userId)).orderBy(desc(notification.createdAt)).limit(limit);
}

/** Marks only the person's own notifications. */
export async function markAllRead(userId: string, now: Date): Promise<void> {
  await (await db()).update(notification).set({ readAt: now }).where(and(eq(notification.userId, userId), isNull(notification.readAt)));
}
