/**
 * The demo learner part-way through (CONTRACTS §3): a reflection awaiting assessment, a passed
 * knowledge check already judged met, and the notification that told her so.
 */
import { checkAttempt, decision, evidenceItem, evidenceVersion, notification, reflection, reflectionVersion } from '../../../../db/schema';
import type { Database } from '../../../../db/client';
import { reviewReflection } from '../../domain/star-feedback';
import { refreshEvidenceStates } from './states';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const REFLECTION = `## Situation

Last spring a regular customer, Mrs Okoro, came to the garden furniture hall on a Saturday to ask for 15 % off a £420 bench set, because a catalogue showed it cheaper.

## Task

Our policy only matches local prices we can check, and my authority was 5 %. I needed to keep her goodwill without giving away margin we could not afford.

## Action

I asked what the bench was for and she told me it was a memorial bench for her husband, to go by the pond. I checked the catalogue price, which was for a smaller model. I explained our policy kindly and offered free delivery and positioning, which costs us about £18.

## Result

She bought the set at full price with delivery, and has been back four times since. She rated us 10 out of 10 on the feedback card.`;

export async function seedPortfolioDemo(tx: Tx, now: Date): Promise<void> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  await tx.insert(reflection).values({ id: 'demo-reflection-bench', userId: 'user-learner', title: 'The memorial bench', criteria: ['P3', 'P4', 'K3'], currentVersion: 1, createdAt: at(6), updatedAt: at(5) });
  await tx.insert(reflectionVersion).values({ reflectionId: 'demo-reflection-bench', version: 1, body: REFLECTION, savedAt: at(5) });
  await tx.insert(evidenceItem).values({ id: 'demo-evidence-bench', learnerId: 'user-learner', kind: 'reflection', title: 'The memorial bench', sourceId: 'demo-reflection-bench', createdBy: 'user-learner', status: 'submitted', currentVersion: 1, claims: ['P3', 'P4', 'K3'], createdAt: at(4), submittedAt: at(4), updatedAt: at(4) });
  await tx.insert(evidenceVersion).values({ evidenceId: 'demo-evidence-bench', version: 1, claims: ['P3', 'P4', 'K3'], snapshot: { reflectionId: 'demo-reflection-bench', reflectionVersion: 1, body: REFLECTION, feedback: reviewReflection(REFLECTION) }, declaredOwnWork: true, submittedBy: 'user-learner', submittedAt: at(4) });

  await tx.insert(checkAttempt).values({ id: 'demo-check-k2', userId: 'user-learner', criterion: 'K2', questionIds: ['seeded'], answers: { seeded: ['a'] }, score: 100, passed: true, startedAt: at(12), submittedAt: at(12) });
  await tx.insert(evidenceItem).values({ id: 'demo-evidence-k2', learnerId: 'user-learner', kind: 'check-attempt', title: 'K2 knowledge check (100 %)', sourceId: 'demo-check-k2', createdBy: 'user-learner', status: 'assessed', currentVersion: 1, claims: ['K2'], createdAt: at(11), submittedAt: at(11), updatedAt: at(9) });
  await tx.insert(evidenceVersion).values({ evidenceId: 'demo-evidence-k2', version: 1, claims: ['K2'], snapshot: { checkAttemptId: 'demo-check-k2', criterion: 'K2', percent: 100 }, declaredOwnWork: true, submittedBy: 'user-learner', submittedAt: at(11) });
  await tx.insert(decision).values({ id: 'demo-decision-k2', evidenceId: 'demo-evidence-k2', version: 1, learnerId: 'user-learner', criterion: 'K2', outcome: 'met', feedback: 'A clean pass. Back it up with a reflection that shows you costing a real term.', assessorId: 'user-assessor', decidedAt: at(9), follows: '' });
  await refreshEvidenceStates(tx, 'user-learner', now);
  await tx.insert(notification).values({ id: 'demo-notification-k2', userId: 'user-learner', text: 'K2 on “K2 knowledge check (100 %)”: met. Read your assessor’s feedback.', link: '/learn/portfolio/evidence/demo-evidence-k2', createdAt: at(9) });
}
