import { signOff } from '../../../../db/schema';
import { criterionIds } from '../../domain/criteria';
import { audit } from '../audit';
import type { SessionUser } from '../auth/session';
import { db } from '../db';
import { notify } from '../notifications';
import { can, isAssigned } from '../permissions';
import { signOffFor } from './locks';
import { computeEvidenceStates } from './states';

export const SIGN_OFF_DECLARATION =
  'I confirm that I have assessed this learner’s evidence against every performance and knowledge criterion of SSR.D002, that each is met, and that the evidence is authentic, current and sufficient.';

export type SignOffResult = { type: 'signed' } | { type: 'refused'; reason: string };

/** Signs the unit off once all 17 criteria are met. The sign-off row locks the portfolio for good. */
export async function signOffUnit(assessor: SessionUser, learnerId: string, declared: boolean, now: Date): Promise<SignOffResult> {
  if (!can(assessor, 'assess:sign-off') || !(await isAssigned(assessor.id, learnerId))) return { type: 'refused', reason: 'You are not this learner’s assessor.' };
  if (await signOffFor(learnerId)) return { type: 'refused', reason: 'This unit is already signed off.' };
  if (!declared) return { type: 'refused', reason: 'Confirm the declaration to sign the unit off.' };
  // A formal record rests on the formal records, not on the stored summary the pages read.
  const states = (await computeEvidenceStates(await db(), [learnerId])).get(learnerId);
  const missing = criterionIds.filter((id) => states?.[id] !== 'met');
  if (missing.length) return { type: 'refused', reason: `Not every criterion is met yet: ${missing.join(', ')}.` };
  try {
    await (await db()).transaction(async (tx) => {
      await tx.insert(signOff).values({ learnerId, assessorId: assessor.id, declaration: SIGN_OFF_DECLARATION, signedAt: now });
      await audit({ actorId: assessor.id, action: 'unit-signed-off', subjectId: learnerId }, now, tx);
      await notify({ userId: learnerId, text: 'Your assessor has signed off SSR.D002. Congratulations!', link: '/learn/portfolio' }, now, tx);
    });
  } catch {
    return { type: 'refused', reason: 'This unit is already signed off.' };
  }
  return { type: 'signed' };
}
