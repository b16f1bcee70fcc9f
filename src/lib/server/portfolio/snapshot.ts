import { and, desc, eq } from 'drizzle-orm';
import { checkAttempt, reflection, reflectionVersion, scenarioAttempt, upload } from '../../../../db/schema';
import type { EvidenceKind } from '../../../../db/schema/portfolio';
import { reviewReflection } from '../../domain/star-feedback';
import { db } from '../db';
import type { CheckedUpload } from './uploads';

export type SnapshotResult = { ok: true; snapshot: Record<string, unknown>; title: string } | { ok: false; reason: string };

/**
 * Freezes what the assessor will see for this version: the reflection's text with the feedback it had
 * at submission, the scenario's debrief, the check's score, the file's details, or the written record.
 * Every source must belong to the learner. A file being submitted now (`file`) is not stored yet: its
 * details come from the checked file itself, and it will be stored as the learner's with the evidence.
 */
export async function takeSnapshot(
  kind: EvidenceKind,
  learnerId: string,
  source: { sourceId?: string | null; text?: string; title?: string; file?: Pick<CheckedUpload, 'id' | 'displayName' | 'mimeType' | 'size'> },
): Promise<SnapshotResult> {
  const d = await db();
  switch (kind) {
    case 'reflection': {
      const [r] = await d.select().from(reflection).where(and(eq(reflection.id, source.sourceId ?? ''), eq(reflection.userId, learnerId)));
      if (!r) return { ok: false, reason: 'Choose one of your own reflections.' };
      const [v] = await d.select().from(reflectionVersion).where(eq(reflectionVersion.reflectionId, r.id)).orderBy(desc(reflectionVersion.version)).limit(1);
      if (!v || !v.body.trim()) return { ok: false, reason: 'That reflection is empty; write it before submitting.' };
      return { ok: true, title: r.title, snapshot: { reflectionId: r.id, reflectionVersion: v.version, body: v.body, feedback: reviewReflection(v.body) } };
    }
    case 'scenario-attempt': {
      const [a] = await d.select().from(scenarioAttempt).where(and(eq(scenarioAttempt.id, source.sourceId ?? ''), eq(scenarioAttempt.userId, learnerId)));
      if (!a) return { ok: false, reason: 'Choose one of your own scenario attempts.' };
      if (!a.endedAt) return { ok: false, reason: 'Finish the negotiation before submitting it.' };
      return { ok: true, title: `Negotiation: ${a.scenarioId}`, snapshot: { attemptId: a.id, scenarioId: a.scenarioId, outcome: a.outcome, moves: a.moves, debrief: a.debrief } };
    }
    case 'check-attempt': {
      const [c] = await d.select().from(checkAttempt).where(and(eq(checkAttempt.id, source.sourceId ?? ''), eq(checkAttempt.userId, learnerId)));
      if (!c || !c.passed) return { ok: false, reason: 'Choose one of your passed knowledge checks.' };
      return { ok: true, title: `${c.criterion} knowledge check (${c.score} %)`, snapshot: { checkAttemptId: c.id, criterion: c.criterion, percent: c.score, submittedAt: c.submittedAt?.toISOString() } };
    }
    case 'file': {
      const [u] = source.file ? [source.file] : await d
        .select({ id: upload.id, displayName: upload.displayName, mimeType: upload.mimeType, size: upload.size })
        .from(upload)
        .where(and(eq(upload.id, source.sourceId ?? ''), eq(upload.learnerId, learnerId)));
      if (!u) return { ok: false, reason: 'The uploaded file could not be found.' };
      return { ok: true, title: source.title || u.displayName, snapshot: { uploadId: u.id, fileName: u.displayName, mimeType: u.mimeType, size: u.size } };
    }
    case 'observation':
    case 'witness-testimony': {
      const text = (source.text ?? '').trim();
      if (text.length < 20) return { ok: false, reason: 'Write at least a few sentences describing what you saw.' };
      return { ok: true, title: source.title || (kind === 'observation' ? 'Assessor observation' : 'Witness testimony'), snapshot: { text } };
    }
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** The criteria a source can honestly claim: a knowledge check evidences only its own criterion. */
export function claimable(kind: EvidenceKind, snapshot: Record<string, unknown>): string[] | null {
  return kind === 'check-attempt' ? [String(snapshot.criterion)] : null;
}
