/**
 * A file submitted as evidence is stored with the evidence or not at all: every refusal (bad claims, no
 * declaration, someone else's portfolio, a locked portfolio, a form id already used) and every failure
 * inside the transaction leaves the upload table exactly as it was, and a double-clicked submit stores
 * one blob, not two.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { evidenceItem, signOff, upload } from '../../db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { submitEvidence } from '../../src/lib/server/portfolio/evidence';
import { checkFile, type CheckedUpload } from '../../src/lib/server/portfolio/uploads';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const t0 = new Date('2026-10-01T09:00:00Z');

const who = (id: string, role: SessionUser['role'], organisationId: string | null): SessionUser => ({ id, email: `${id}@x`, name: id, role, organisationId, isLeadAssessor: false });
const learner = who('user-learner', 'learner', 'org-harbour-street');
const learner2 = who('user-learner2', 'learner', 'org-harbour-street');
const learner3 = who('user-learner3', 'learner', 'org-harbour-street');
const assessor = who('user-assessor', 'assessor', null);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function checked(name = 'letter.pdf'): Promise<CheckedUpload> {
  const result = await checkFile(new File([PDF], name, { type: 'application/pdf' }));
  if (!result.ok) throw new Error(result.message);
  return result.upload;
}

/** Every blob's id, and how many evidence items there are: what a refused submission must not change. */
async function stored(): Promise<{ uploads: string[]; evidence: number }> {
  const { db } = database.current();
  const uploads = (await db.select({ id: upload.id }).from(upload)).map((r) => r.id).sort();
  return { uploads, evidence: (await db.select({ id: evidenceItem.id }).from(evidenceItem)).length };
}

const fileInput = (file: CheckedUpload, over: Partial<Parameters<typeof submitEvidence>[1]> = {}) => ({
  id: randomUUID(),
  learnerId: learner.id,
  kind: 'file' as const,
  title: 'Thank-you letter',
  claims: ['P7'],
  declaredOwnWork: true,
  file,
  ...over,
});

describe('a file submitted as evidence', () => {
  it('is stored with the evidence that points at it, as the learner’s', async () => {
    const before = await stored();
    const file = await checked();
    // Checking a file stores nothing.
    expect(await stored()).toEqual(before);
    const input = fileInput(file);
    expect(await submitEvidence(learner, input, t0)).toEqual({ type: 'ok', id: input.id });
    const { db } = database.current();
    const [item] = await db.select().from(evidenceItem).where(eq(evidenceItem.id, input.id));
    const [blob] = await db.select().from(upload).where(eq(upload.id, file.id));
    expect(item?.sourceId).toBe(file.id);
    expect(blob).toMatchObject({ learnerId: learner.id, uploadedBy: learner.id, displayName: 'letter.pdf', mimeType: 'application/pdf', size: PDF.length });
    expect(Buffer.compare(Buffer.from(blob!.data), PDF)).toBe(0);
    expect(await stored()).toEqual({ uploads: [...before.uploads, file.id].sort(), evidence: before.evidence + 1 });
  });

  it('a refused file kind without a file stores nothing', async () => {
    const before = await stored();
    const { file: _none, ...withoutFile } = fileInput(await checked());
    expect(await submitEvidence(learner, withoutFile, t0)).toMatchObject({ type: 'refused', field: 'file' });
    expect(await stored()).toEqual(before);
  });

  const refusals: [string, () => Promise<{ actor: SessionUser; over: Partial<Parameters<typeof submitEvidence>[1]> }>, Record<string, unknown>][] = [
    ['claims that are no criterion', async () => ({ actor: learner, over: { claims: ['P99', 'Z1'] } }), { field: 'claims' }],
    ['no declaration', async () => ({ actor: learner, over: { declaredOwnWork: false } }), { field: 'declaredOwnWork' }],
    ['another learner, into this learner’s portfolio', async () => ({ actor: learner2, over: {} }), { reason: 'You cannot add that evidence to this portfolio.' }],
    ['an assessor (files are the learner’s own evidence)', async () => ({ actor: assessor, over: {} }), { reason: 'You cannot add that evidence to this portfolio.' }],
    [
      'a signed-off (locked) portfolio',
      async () => {
        await database.current().db.insert(signOff).values({ learnerId: learner3.id, assessorId: assessor.id, declaration: 'Signed off for the test.', signedAt: t0 });
        return { actor: learner3, over: { learnerId: learner3.id } };
      },
      { reason: 'The unit has been signed off, so this portfolio is locked.' },
    ],
    [
      'a form id another learner’s evidence already has',
      async () => {
        const theirs = fileInput(await checked(), { learnerId: learner2.id });
        expect((await submitEvidence(learner2, theirs, t0)).type).toBe('ok');
        return { actor: learner, over: { id: theirs.id } };
      },
      { reason: 'That form has expired; reload the page.' },
    ],
  ];

  it.each(refusals)('refused for %s: the upload table is unchanged', async (_label, setUp, expected) => {
    const { actor, over } = await setUp();
    const before = await stored();
    const result = await submitEvidence(actor, fileInput(await checked(), over), t0);
    expect(result).toMatchObject({ type: 'refused', ...expected });
    expect(await stored()).toEqual(before);
  });

  it('a second post of the same form finds the evidence there and stores no second blob', async () => {
    const first = fileInput(await checked());
    expect((await submitEvidence(learner, first, t0)).type).toBe('ok');
    const before = await stored();
    const again = { ...first, file: await checked() };
    expect(await submitEvidence(learner, again, t0)).toEqual({ type: 'ok', id: first.id });
    expect(await stored()).toEqual(before);
  });

  it('two simultaneous posts of the same form make one item and store one blob', async () => {
    const before = await stored();
    const a = fileInput(await checked());
    const b = { ...a, file: await checked() };
    const results = await Promise.all([submitEvidence(learner, a, t0), submitEvidence(learner, b, t0)]);
    expect(results).toEqual([
      { type: 'ok', id: a.id },
      { type: 'ok', id: a.id },
    ]);
    const after = await stored();
    expect(after.evidence).toBe(before.evidence + 1);
    const added = after.uploads.filter((id) => !before.uploads.includes(id));
    expect(added).toHaveLength(1);
    const [item] = await database.current().db.select({ sourceId: evidenceItem.sourceId }).from(evidenceItem).where(eq(evidenceItem.id, a.id));
    expect(item?.sourceId).toBe(added[0]);
  });

  it('a failure after the blob is written, inside the transaction, takes the blob back with it', async () => {
    const { client } = database.current();
    // Stands in for anything that fails later in the same transaction (a constraint, a crash).
    await client.execute("create trigger test_fail_version before insert on evidence_version begin select raise(abort, 'injected failure'); end");
    try {
      const before = await stored();
      await expect(submitEvidence(learner, fileInput(await checked()), t0)).rejects.toThrow();
      expect(await stored()).toEqual(before);
    } finally {
      await client.execute('drop trigger test_fail_version');
    }
  });
});
