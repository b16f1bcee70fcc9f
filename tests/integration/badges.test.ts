/**
 * The Open Badges 3.0 credential from real records: none before sign-off; after it, a credential that
 * verifies with the key the issuer profile publishes, and fails once tampered with.
 *
 * Most cases pass a key pair in; the last block covers the installation's own key in issuer_key.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/lib/domain/canonical-json';
import { criterionIds } from '../../src/lib/domain/criteria';
import { publicKeyFromMultibase, verifyProof } from '../../src/lib/domain/data-integrity';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { activeIssuerKeys, issuerDocument, learnerBadge, publishedIssuerKeys } from '../../src/lib/server/badges';
import { publicKeyMultibase } from '../../src/lib/domain/data-integrity';
import { decide } from '../../src/lib/server/portfolio/decisions';
import { submitEvidence } from '../../src/lib/server/portfolio/evidence';
import { signOffUnit } from '../../src/lib/server/portfolio/sign-off';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const ORIGIN = 'https://goodwill.test';
const assessor: SessionUser = { id: 'user-assessor', email: 'assessor@demo.goodwill.test', name: 'Grace Okafor', role: 'assessor', organisationId: null, isLeadAssessor: true };
const t0 = new Date('2026-09-01T09:00:00Z');
const signedAt = new Date('2026-09-02T14:30:00Z');
const keys = generateKeyPairSync('ed25519');

type Doc = { [key: string]: JsonValue | undefined };

describe('the learner’s Open Badge', () => {
  it('does not exist before the unit is signed off', async () => {
    expect(await learnerBadge('user-learner2', ORIGIN, keys, t0)).toBeNull();
    expect(await learnerBadge('no-such-person', ORIGIN, keys, t0)).toBeNull();
  });

  it('after sign-off, verifies with the key the issuer publishes, and not once tampered with', async () => {
    const evidence = randomUUID();
    expect((await submitEvidence(assessor, { id: evidence, learnerId: 'user-learner2', kind: 'observation', title: 'Observed over a week', text: 'Watched every part of the unit in practice over a week of shifts.', claims: [...criterionIds], declaredOwnWork: true }, t0)).type).toBe('ok');
    for (const c of criterionIds) expect((await decide(assessor, { evidenceId: evidence, version: 1, criterion: c, outcome: 'met', feedback: 'Shown clearly on the day.', follows: '' }, t0)).type).toBe('decided');
    expect(await signOffUnit(assessor, 'user-learner2', true, signedAt)).toEqual({ type: 'signed' });

    const badge = await learnerBadge('user-learner2', ORIGIN, keys, new Date('2026-09-03T08:00:00Z'));
    expect(badge).not.toBeNull();
    const received = JSON.parse(JSON.stringify(badge)) as Doc;
    expect(received).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'], validFrom: '2026-09-02T14:30:00Z', issuer: { id: `${ORIGIN}/api/badges/issuer` } });
    expect(JSON.stringify(received)).toContain('Tom Ellis');
    expect(JSON.stringify(received)).not.toContain('learner2@demo.goodwill.test');

    // A verifier's path: the proof names a key of the issuer profile; take it from there.
    const profile = issuerDocument(ORIGIN, [keys]) as { verificationMethod: { id: string; publicKeyMultibase: string }[] };
    const method = profile.verificationMethod.find((m) => m.id === (received.proof as { verificationMethod: string }).verificationMethod);
    expect(method).toBeDefined();
    const published = publicKeyFromMultibase(method!.publicKeyMultibase);
    expect(verifyProof(received, published)).toMatchObject({ verified: true });

    const forged = structuredClone(received);
    (forged.credentialSubject as { identifier: { identityHash: string }[] }).identifier[1]!.identityHash = 'Someone Else';
    expect(verifyProof(forged, published)).toMatchObject({ verified: false });
    expect(verifyProof(received, generateKeyPairSync('ed25519').publicKey)).toMatchObject({ verified: false });
  });
});

describe('the installation’s signing key', () => {
  it('is generated once, even by simultaneous first requests, kept in the database and never deleted', async () => {
    const [a, b, c] = await Promise.all([activeIssuerKeys(t0), activeIssuerKeys(t0), activeIssuerKeys(t0)]);
    const ids = [a, b, c].map((k) => publicKeyMultibase(k.publicKey));
    expect(new Set(ids).size).toBe(1);
    expect(publicKeyMultibase((await activeIssuerKeys(t0)).publicKey)).toBe(ids[0]);
    expect((await publishedIssuerKeys()).map((k) => publicKeyMultibase(k.publicKey))).toEqual([ids[0]]);
    await expect(database.current().client.execute('delete from issuer_key')).rejects.toThrow(/kept/);
  });
});
