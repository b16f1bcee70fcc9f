/**
 * The learner's Open Badges 3.0 credential for SSR.D002, issued once the unit is signed off and signed
 * with the installation's Ed25519 key (eddsa-jcs-2022, see lib/domain/data-integrity.ts).
 *
 * The key lives in the database (issuer_key), not on a server's disk: app servers are stateless, and a
 * key file per server would make each its own issuer.
 */
import { eq } from 'drizzle-orm';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { issuerKey, signOff, user as userTable } from '../../../db/schema';
import { addProof, publicKeyMultibase, type DataIntegrityProof } from '../domain/data-integrity';
import { badgeCredential, issuerProfile, verificationMethodId } from '../domain/open-badges';
import type { JsonValue } from '../domain/canonical-json';
import { db } from './db';

/** The installation's signing key pair (generated with generateKeyPairSync('ed25519') on first need). */
export interface IssuerKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export type SignedBadge = { [key: string]: JsonValue | undefined } & { proof: DataIntegrityProof };

/** The signed credential, or null while the unit is not signed off (callers answer 404). */
export async function learnerBadge(learnerId: string, origin: string, keys: IssuerKeys, now: Date): Promise<SignedBadge | null> {
  const [row] = await (await db())
    .select({ id: userTable.id, name: userTable.name, email: userTable.email, role: userTable.role, signedAt: signOff.signedAt })
    .from(signOff)
    .innerJoin(userTable, eq(userTable.id, signOff.learnerId))
    .where(eq(signOff.learnerId, learnerId));
  if (!row || row.role !== 'learner') return null;
  const unsigned = badgeCredential({ origin, learner: { id: row.id, name: row.name, email: row.email }, signedAt: row.signedAt });
  return addProof(unsigned, keys.privateKey, { verificationMethod: verificationMethodId(origin, publicKeyMultibase(keys.publicKey)), created: now });
}

/** The issuer's public Profile, listing the key(s) its credentials are checked with. */
export function issuerDocument(origin: string, keys: readonly IssuerKeys[]) {
  return issuerProfile(origin, keys.map((k) => publicKeyMultibase(k.publicKey)));
}

function fromRow(row: { privateKeyPkcs8: string }): IssuerKeys {
  const privateKey = createPrivateKey({ key: Buffer.from(row.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/**
 * The active signing key, generated on first need. Two servers racing both try to insert; the partial
 * unique index keeps one, and both then read the same row.
 */
export async function activeIssuerKeys(now: Date): Promise<IssuerKeys> {
  const d = await db();
  const find = async () => (await d.select().from(issuerKey).where(eq(issuerKey.status, 'active')))[0];
  const existing = await find();
  if (existing) return fromRow(existing);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  await d.insert(issuerKey).values({ id: publicKeyMultibase(publicKey), status: 'active', privateKeyPkcs8: der, createdAt: now }).onConflictDoNothing();
  const stored = await find();
  if (!stored) throw new Error('no active issuer key after generating one');
  return fromRow(stored);
}

/** Every key ever used, so credentials signed by a retired key still verify. */
export async function publishedIssuerKeys(): Promise<IssuerKeys[]> {
  return (await (await db()).select().from(issuerKey)).map(fromRow);
}
