import { eq } from 'drizzle-orm';
import { signOff } from '../../../../db/schema';
import { db } from '../db';

/** A signed-off unit locks the learner's portfolio: nothing more is submitted or decided. */
export async function signOffFor(learnerId: string) {
  const [row] = await (await db()).select().from(signOff).where(eq(signOff.learnerId, learnerId));
  return row ?? null;
}
