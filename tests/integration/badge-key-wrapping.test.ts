/**
 * The installation's badge signing key under BADGE_KEY_SECRET: stored wrapped, a bare key wrapped once a
 * secret is set (retired keys too), and a clear refusal without the right secret.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { issuerKey } from '../../db/schema';
import { publicKeyMultibase } from '../../src/lib/domain/data-integrity';
import { activeIssuerKeys, badgeKeySecret, publishedIssuerKeys } from '../../src/lib/server/badges';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase();
const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
const t0 = new Date('2026-09-01T09:00:00Z');
const rows = () => database.current().db.select().from(issuerKey);
const setSecret = (value: string | undefined) => {
  if (value === undefined) delete process.env.BADGE_KEY_SECRET;
  else process.env.BADGE_KEY_SECRET = value;
};

afterEach(() => setSecret(undefined));

describe('the badge signing key with BADGE_KEY_SECRET', () => {
  it('is stored bare without a secret, then wrapped in place once one is set, and stays the same key', async () => {
    const first = await activeIssuerKeys(t0);
    const id = publicKeyMultibase(first.publicKey);
    const [bare] = await rows();
    expect(bare!.privateKeyPkcs8).toBe(first.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'));

    setSecret(SECRET);
    const again = await activeIssuerKeys(t0);
    expect(publicKeyMultibase(again.publicKey)).toBe(id);
    const [stored] = await rows();
    expect(stored!.privateKeyPkcs8.startsWith('aes-256-gcm.v1.')).toBe(true);
    expect(stored!.privateKeyPkcs8).not.toContain(bare!.privateKeyPkcs8);
    // Reading it back with the secret gives the same key; the published list still names it.
    expect(publicKeyMultibase((await activeIssuerKeys(t0)).publicKey)).toBe(id);
    expect((await publishedIssuerKeys()).map((k) => publicKeyMultibase(k.publicKey))).toEqual([id]);
  });

  it('is refused, with a message saying what to do, without the secret or with another one', async () => {
    setSecret(undefined);
    await expect(activeIssuerKeys(t0)).rejects.toThrow(/set BADGE_KEY_SECRET to the secret it was stored with/);
    setSecret(`${SECRET}-other`);
    await expect(activeIssuerKeys(t0)).rejects.toThrow(/stored with another secret, or altered/);
  });

  it('wraps a retired key too, and generates a new key wrapped from the start', async () => {
    setSecret(SECRET);
    const [old] = await rows();
    await database.current().db.update(issuerKey).set({ status: 'retired', retiredAt: t0 }).where(eq(issuerKey.id, old!.id));
    const fresh = await activeIssuerKeys(t0);
    const all = await rows();
    expect(all).toHaveLength(2);
    for (const row of all) expect(row.privateKeyPkcs8.startsWith('aes-256-gcm.v1.'), row.status).toBe(true);
    expect(all.find((r) => r.status === 'active')!.id).toBe(publicKeyMultibase(fresh.publicKey));
    expect((await publishedIssuerKeys()).map((k) => publicKeyMultibase(k.publicKey)).sort()).toEqual(all.map((r) => r.id).sort());
  });

  it('refuses a secret too short to be one, without repeating it', () => {
    expect(() => badgeKeySecret({ BADGE_KEY_SECRET: 'hunter2' })).toThrow(/at least 32 characters/);
    expect(() => badgeKeySecret({ BADGE_KEY_SECRET: 'hunter2' })).not.toThrow(/hunter2/);
    expect(badgeKeySecret({})).toBeUndefined();
  });
});
