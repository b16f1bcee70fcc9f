import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalize, type JsonValue } from '../../src/lib/domain/canonical-json';
import { addProof, base58btcDecode, base58btcEncode, privateKeyFromMultibase, publicKeyFromMultibase, publicKeyMultibase, verifyProof } from '../../src/lib/domain/data-integrity';
import { badgeCredential, identityHash, issuerProfile, OB_CONTEXT, VC_CONTEXT, verificationMethodId } from '../../src/lib/domain/open-badges';

type Doc = { [key: string]: JsonValue | undefined };

describe('canonicalize (RFC 8785)', () => {
  it.each([
    // RFC 8785 §3.2.2's example: numbers in ES6 form, strings with the minimal escapes, members sorted.
    [
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    ],
    // RFC 8785 §3.2.3: member names sorted by UTF-16 code units, surrogate pairs included.
    ['{"\\u20ac":1,"\\r":2,"\\ufb33":3,"1":4,"\\ud83d\\ude00":5,"\\u0080":6,"\\u00f6":7}', '{"\\r":2,"1":4,"\u0080":6,"\u00f6":7,"\u20ac":1,"\ud83d\ude00":5,"\ufb33":3}'],
    ['{"b":[],"a":{"d":{},"c":-0}}', '{"a":{"c":0,"d":{}},"b":[]}'],
  ])('%s', (input, expected) => {
    expect(canonicalize(JSON.parse(input) as JsonValue)).toBe(expected);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [[undefined] as unknown as JsonValue], [new Date(0) as unknown as JsonValue]])('refuses %s', (value) => {
    expect(() => canonicalize(value as JsonValue)).toThrow(/canonicalize/);
  });

  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalize({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});

describe('base58btc', () => {
  it.each([[[]], [[0]], [[0, 0, 1]], [[255, 254, 253]], [Array.from({ length: 64 }, (_, i) => (i * 37) % 256)]])('round-trips %j', (bytes) => {
    expect([...base58btcDecode(base58btcEncode(new Uint8Array(bytes)))]).toEqual(bytes);
  });
  it('encodes the known vector "Hello World!"', () => {
    expect(base58btcEncode(new TextEncoder().encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
  });
});

/** The W3C vc-di-eddsa test vector for eddsa-jcs-2022 (TestVectors/eddsa-jcs-2022/signedJCS.json, keyPair.json). */
const W3C = {
  publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  privateKeyMultibase: 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq',
  signed: {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
    type: ['VerifiableCredential', 'AlumniCredential'],
    name: 'Alumni Credential',
    description: 'A minimum viable example of an Alumni Credential.',
    issuer: 'https://vc.example/issuers/5678',
    validFrom: '2023-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
    proof: {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      created: '2023-02-24T23:36:38Z',
      verificationMethod: 'https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
      proofPurpose: 'assertionMethod',
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
      proofValue: 'z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4',
    },
  } as Doc,
};

describe('eddsa-jcs-2022 against the W3C test vector', () => {
  it('verifies the published signed credential with the published key', () => {
    expect(verifyProof(W3C.signed, publicKeyFromMultibase(W3C.publicKeyMultibase))).toMatchObject({ verified: true });
  });

  it('reproduces the published proofValue byte for byte from the private key', () => {
    const { proof, ...unsigned } = W3C.signed;
    const p = proof as { verificationMethod: string; created: string; proofValue: string };
    const signed = addProof(unsigned, privateKeyFromMultibase(W3C.privateKeyMultibase), { verificationMethod: p.verificationMethod, created: new Date(p.created) });
    expect(signed.proof.proofValue).toBe(p.proofValue);
    expect(signed).toEqual(W3C.signed);
  });

  it('derives the published Multikey from the private key', () => {
    expect(publicKeyMultibase(createPublicKey(privateKeyFromMultibase(W3C.privateKeyMultibase)))).toBe(W3C.publicKeyMultibase);
  });
});

const origin = 'https://goodwill.example';
const learner = { id: 'learner-1', name: 'Priya Shah', email: 'Learner@Demo.Goodwill.test' };
const signedAt = new Date('2026-09-01T10:15:30.456Z');

describe('the OpenBadgeCredential', () => {
  const credential = badgeCredential({ origin, learner, signedAt });

  it('has the VC 2.0 and OB 3.0 shape', () => {
    expect(credential['@context']).toEqual([VC_CONTEXT, OB_CONTEXT]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(credential.issuer).toEqual({ id: `${origin}/api/badges/issuer`, type: ['Profile'], name: 'Goodwill', url: origin });
    expect(credential.validFrom).toBe('2026-09-01T10:15:30Z');
    const subject = credential.credentialSubject as Doc;
    expect(subject.type).toEqual(['AchievementSubject']);
    const achievement = subject.achievement as Doc;
    expect(achievement).toMatchObject({ type: ['Achievement'], humanCode: 'SSR.D002', achievementType: 'Competency', id: `${origin}/badges/achievements/SSR.D002` });
    const narrative = (achievement.criteria as { narrative: string }).narrative;
    for (const id of ['P1', 'P9', 'K1', 'K8']) expect(narrative).toContain(`**${id}**`);
  });

  it('names the learner by a salted hash of their email, never the email itself', () => {
    const text = JSON.stringify(credential);
    expect(text.toLowerCase()).not.toContain(learner.email.toLowerCase());
    const [email] = (credential.credentialSubject as { identifier: { identityHash: string; salt: string }[] }).identifier;
    expect(email!.identityHash).toBe(identityHash('learner@demo.goodwill.test', email!.salt));
    expect(email!.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
  });

  it('is the same credential (same id) every time it is issued', () => {
    expect(badgeCredential({ origin: `${origin}/`, learner, signedAt })).toEqual(credential);
    expect(badgeCredential({ origin, learner: { ...learner, id: 'learner-2' }, signedAt }).id).not.toBe(credential.id);
  });
});

describe('signing and verifying a badge', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = publicKeyMultibase(publicKey);
  const signed = addProof(badgeCredential({ origin, learner, signedAt }), privateKey, { verificationMethod: verificationMethodId(origin, key), created: signedAt });
  const tamper = (change: (d: Doc) => void): Doc => {
    const copy = structuredClone(signed) as Doc;
    change(copy);
    return copy;
  };

  it('verifies with the published key, after a JSON round trip', () => {
    expect(verifyProof(JSON.parse(JSON.stringify(signed)) as Doc, publicKeyFromMultibase(key))).toEqual({ verified: true, verificationMethod: `${origin}/api/badges/issuer#${key}` });
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod', created: '2026-09-01T10:15:30Z' });
  });

  it.each<[string, (d: Doc) => void]>([
    ['the learner’s name', (d) => ((d.credentialSubject as { identifier: { identityHash: string }[] }).identifier[1]!.identityHash = 'Someone Else')],
    ['the achievement', (d) => (((d.credentialSubject as Doc).achievement as Doc).humanCode = 'SSR.D003')],
    ['validFrom', (d) => (d.validFrom = '2020-01-01T00:00:00Z')],
    ['an added member', (d) => (d.awardedBy = 'me')],
    ['the @context', (d) => (d['@context'] = [VC_CONTEXT])],
    ['the proof’s date', (d) => ((d.proof as Doc).created = '2030-01-01T00:00:00Z')],
    ['the proof value', (d) => ((d.proof as Doc).proofValue = `z${base58btcEncode(new Uint8Array(64))}`)],
    ['the removal of the proof', (d) => delete d.proof],
  ])('fails after tampering with %s', (_, change) => {
    expect(verifyProof(tamper(change), publicKey).verified).toBe(false);
  });

  it('fails with another key', () => {
    expect(verifyProof(signed, generateKeyPairSync('ed25519').publicKey).verified).toBe(false);
  });
});

describe('the issuer profile', () => {
  it('publishes each key as a Multikey the proofs name', () => {
    const profile = issuerProfile(origin, ['z6MkA', 'z6MkB']);
    expect(profile.id).toBe(`${origin}/api/badges/issuer`);
    expect(profile.verificationMethod).toEqual([
      { id: `${origin}/api/badges/issuer#z6MkA`, type: 'Multikey', controller: `${origin}/api/badges/issuer`, publicKeyMultibase: 'z6MkA' },
      { id: `${origin}/api/badges/issuer#z6MkB`, type: 'Multikey', controller: `${origin}/api/badges/issuer`, publicKeyMultibase: 'z6MkB' },
    ]);
    expect(profile.assertionMethod).toEqual([`${origin}/api/badges/issuer#z6MkA`, `${origin}/api/badges/issuer#z6MkB`]);
  });
});
