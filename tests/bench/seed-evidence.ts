/**
 * Evidence at scale: items, their frozen versions and the assessors' decisions, in the shape the
 * workflow produces (src/lib/domain/evidence-workflow.ts). Items are created in time order across all
 * learners, as they would arrive, so one learner's items lie scattered through the table the way they
 * do in production; loading each learner's items together would make per-person reads look faster.
 *
 * Of every hundred items about 78 were assessed at their first version, 18 met only after a
 * resubmission, 3 wait for their first assessment and 1 waits after a resubmission; about one decision
 * in fifty is sampled by the lead assessor.
 */
import { randomUUID } from 'node:crypto';
import { decision, evidenceItem, evidenceKinds, evidenceVersion, qualitySample } from '../../db/schema';
import { criterionIds, type CriterionId } from '../../src/lib/domain/criteria';
import type { BulkLoader, Row } from './bulk';
import { prose, type Random } from './random';
import type { Scale } from './scale';
import { DAY, type Learner } from './seed-people';

const LEAD_ASSESSOR = 'user-assessor';
const TITLES = ['Handling a price objection', 'The memorial bench', 'A trade customer asks for credit', 'Saying no to a refund', 'Free delivery instead of a discount', 'Matching a local price', 'Logging a term late', 'A complaint about a late order'];
const FEEDBACK = ['Clear and specific: you costed the term and explained it to the customer.', 'Say what the term cost the shop and how you told your manager.', 'Good listening; now show how the outcome affected the relationship.'];

interface Batch {
  items: Row<typeof evidenceItem>[];
  versions: Row<typeof evidenceVersion>[];
  decisions: Row<typeof decision>[];
  samples: Row<typeof qualitySample>[];
}

export async function loadEvidence(loader: BulkLoader, scale: Scale, learners: readonly Learner[], now: Date, r: Random): Promise<void> {
  const span = scale.days * DAY;
  const start = now.getTime() - span;
  let batch: Batch = { items: [], versions: [], decisions: [], samples: [] };
  for (let n = 0; n < scale.evidence; n++) {
    const learner = learners[n % learners.length]!;
    makeItem(batch, learner, new Date(start + (n / scale.evidence) * span), now, r);
    if (batch.items.length >= 5_000) {
      await write(loader, batch);
      batch = { items: [], versions: [], decisions: [], samples: [] };
    }
  }
  await write(loader, batch);
}

/** Items before the versions and decisions that point at them, so foreign keys hold at every statement. */
async function write(loader: BulkLoader, b: Batch): Promise<void> {
  await loader.insert(evidenceItem, b.items);
  await loader.insert(evidenceVersion, b.versions);
  await loader.insert(decision, b.decisions);
  await loader.insert(qualitySample, b.samples);
}

function makeItem(b: Batch, learner: Learner, createdAt: Date, now: Date, r: Random): void {
  const id = randomUUID();
  const claims = r.sample(criterionIds, r.chance(0.5) ? 1 : r.chance(0.7) ? 2 : 3);
  const title = `${r.pick(TITLES)} (${r.int(1, 999)})`;
  const kind = r.pick(evidenceKinds);
  const roll = r.next();
  const addVersion = (version: number, submittedAt: Date) =>
    b.versions.push({ evidenceId: id, version, claims, snapshot: { title, body: prose(r, 4) }, declaredOwnWork: true, submittedBy: learner.id, submittedAt });
  const decidedAfter = (from: Date) => new Date(from.getTime() + r.int(1, 10) * DAY + r.int(0, 8) * 3_600_000);

  addVersion(1, createdAt);
  let version = 1;
  let submittedAt = createdAt;
  let updatedAt = createdAt;
  let status: Row<typeof evidenceItem>['status'] = 'submitted';
  const waitsFirst = roll < 0.03;
  const resubmitted = roll >= 0.03 && roll < 0.22;
  const first = decidedAfter(createdAt);
  if (!waitsFirst && first < now) {
    const follows = decide(b, { evidenceId: id, version: 1, learner, claims, at: first, mustFail: resubmitted, follows: new Map() }, r);
    status = 'assessed';
    updatedAt = first;
    if (resubmitted) {
      // The learner improves the work and submits it again; most of those are assessed in turn.
      submittedAt = new Date(first.getTime() + r.int(1, 7) * DAY);
      if (submittedAt < now) {
        version = 2;
        addVersion(2, submittedAt);
        status = 'resubmitted';
        updatedAt = submittedAt;
        const second = decidedAfter(submittedAt);
        if (roll >= 0.04 && second < now) {
          decide(b, { evidenceId: id, version: 2, learner, claims, at: second, mustFail: false, follows }, r);
          status = 'assessed';
          updatedAt = second;
        }
      } else submittedAt = createdAt;
    }
  }
  b.items.push({ id, learnerId: learner.id, kind, title, sourceId: null, createdBy: learner.id, status, currentVersion: version, claims, createdAt, submittedAt, updatedAt });
}

/** One decision per claimed criterion; `mustFail` makes at least one "not yet" (why it was resubmitted). */
function decide(
  b: Batch,
  v: { evidenceId: string; version: number; learner: Learner; claims: CriterionId[]; at: Date; mustFail: boolean; follows: Map<string, string> },
  r: Random,
): Map<string, string> {
  const failing = v.mustFail ? r.pick(v.claims) : null;
  const made = new Map<string, string>();
  for (const criterion of v.claims) {
    const outcome = criterion === failing || (!v.mustFail && r.chance(0.08)) ? 'not-yet' : 'met';
    const id = randomUUID();
    made.set(criterion, id);
    b.decisions.push({ id, evidenceId: v.evidenceId, version: v.version, learnerId: v.learner.id, criterion, outcome, feedback: r.pick(FEEDBACK), assessorId: v.learner.assessor, decidedAt: v.at, follows: v.follows.get(criterion) ?? '' });
    if (r.chance(0.02)) b.samples.push({ id: randomUUID(), decisionId: id, leadAssessorId: LEAD_ASSESSOR, agrees: r.chance(0.95), reason: 'Sampled for quality assurance.', sampledAt: new Date(v.at.getTime() + 2 * DAY) });
  }
  return made;
}
