/**
 * The learner's Open Badges 3.0 credential for SSR.D002, issued once the unit is signed off and signed
 * with the installation's Ed25519 key (eddsa-jcs-2022, see lib/domain/data-integrity.ts).
 *
 * The key lives in the database (issuer_key), not on a server's disk: app servers are stateless, and a
 * key file per server would make each its own issuer. With BADGE_KEY_SECRET set, the private key is
 * stored wrapped under that secret (lib/domain/key-wrapping.ts), so the database alone cannot sign.
 */
import { and, eq } from 'drizzle-orm';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { issuerKey, signOff, user as userTable } from '../../../db/schema';
import { addProof, publicKeyMultibase, type DataIntegrityProof } from '../domain/data-integrity';
import { badgeCredential, issuerProfile, verificationMethodId } from '../domain/open-badges';
import type { JsonValue } from '../domain/canonical-json';
import { isWrapped, MIN_SECRET_LENGTH, unwrapKey, wrapKey } from '../domain/key-wrapping';
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

const secretSchema = z.string().min(MIN_SECRET_LENGTH, `BADGE_KEY_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -base64 32)`).optional();

/** The wrapping secret, if one is set; throws (never echoing it) when it is too short to be one. */
export function badgeKeySecret(env: Record<string, string | undefined> = process.env): string | undefined {
  const parsed = secretSchema.safeParse(env.BADGE_KEY_SECRET || undefined);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return parsed.data;
}

function wrapped(der: Buffer, keyId: string, secret: string): string {
  return wrapKey(der, keyId, secret, { salt: randomBytes(16), iv: randomBytes(12) });
}

type KeyRow = { id: string; privateKeyPkcs8: string };

/**
 * The row's keys; a key stored bare before a secret was set is wrapped on the way (retired keys too:
 * any of them could still sign). The condition keeps a racing server's wrap rather than writing over it.
 */
async function readAndWrap(row: KeyRow, secret: string | undefined): Promise<IssuerKeys> {
  const keys = fromRow(row, secret);
  if (secret !== undefined && !isWrapped(row.privateKeyPkcs8)) {
    const der = keys.privateKey.export({ format: 'der', type: 'pkcs8' });
    await (await db())
      .update(issuerKey)
      .set({ privateKeyPkcs8: wrapped(der, row.id, secret) })
      .where(and(eq(issuerKey.id, row.id), eq(issuerKey.privateKeyPkcs8, row.privateKeyPkcs8)));
  }
  return keys;
}

function fromRow(row: KeyRow, secret: string | undefined): IssuerKeys {
  const unwrapped = unwrapKey(row.privateKeyPkcs8, row.id, secret);
  if (!unwrapped.ok) {
    throw new Error(
      unwrapped.problem === 'needs-secret'
        ? 'The badge signing key is stored encrypted: set BADGE_KEY_SECRET to the secret it was stored with.'
        : 'The badge signing key cannot be read with this BADGE_KEY_SECRET: it was stored with another secret, or altered.',
    );
  }
  const privateKey = createPrivateKey({ key: unwrapped.der, format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/**
 * The active signing key, generated on first need. Two servers racing both try to insert; the partial
 * unique index keeps one, and both then read the same row.
 */
export async function activeIssuerKeys(now: Date): Promise<IssuerKeys> {
  const secret = badgeKeySecret();
  const d = await db();
  const find = async () => (await d.select().from(issuerKey).where(eq(issuerKey.status, 'active')))[0];
  const existing = await find();
  if (existing) return readAndWrap(existing, secret);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const id = publicKeyMultibase(publicKey);
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const stored = secret === undefined ? der.toString('base64') : wrapped(der, id, secret);
  await d.insert(issuerKey).values({ id, status: 'active', privateKeyPkcs8: stored, createdAt: now }).onConflictDoNothing();
  const row = await find();
  if (!row) throw new Error('no active issuer key after generating one');
  return fromRow(row, secret);
}

/** Every key ever used, so credentials signed by a retired key still verify. */
export async function publishedIssuerKeys(): Promise<IssuerKeys[]> {
  const secret = badgeKeySecret();
  const rows = await (await db()).select().from(issuerKey);
  const keys: IssuerKeys[] = [];
  for (const row of rows) keys.push(await readAndWrap(row, secret));
  return keys;
}
