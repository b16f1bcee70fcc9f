/**
 * The badge signing key as the database holds it. With a secret configured (BADGE_KEY_SECRET, kept out
 * of the database), the private key is wrapped: AES-256-GCM under a key derived from the secret with
 * HKDF-SHA256 and a salt of its own, the key's id (its public key) bound in as associated data so a
 * wrapped key cannot be moved to another row. A copy of the database or of a backup then cannot sign
 * badges. Without a secret the key is the bare PKCS#8 DER in base64, as installations before wrapping
 * stored it; such a key is read as it is and wrapped once a secret is set.
 *
 * The secret is expected to be random (`openssl rand -base64 32`), so HKDF rather than a slow password
 * hash: unwrapping happens on every badge request. Salt and IV come from the caller, keeping this pure.
 */
import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';

const PREFIX = 'aes-256-gcm.v1.';
/** A secret shorter than this is refused (32 characters of base64 is 192 bits). */
export const MIN_SECRET_LENGTH = 32;

export type UnwrappedKey = { ok: true; der: Buffer } | { ok: false; problem: 'needs-secret' | 'wrong-secret' };

export function isWrapped(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

function wrappingKey(secret: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, 'goodwill badge signing key', 32));
}

/** `salt` (16 bytes) and `iv` (12 bytes) must be fresh random bytes for every wrap. */
export function wrapKey(der: Buffer, keyId: string, secret: string, random: { salt: Buffer; iv: Buffer }): string {
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret, random.salt), random.iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(der), cipher.final()]);
  return PREFIX + [random.salt, random.iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64')).join('.');
}

export function unwrapKey(stored: string, keyId: string, secret: string | undefined): UnwrappedKey {
  if (!isWrapped(stored)) return { ok: true, der: Buffer.from(stored, 'base64') };
  if (secret === undefined) return { ok: false, problem: 'needs-secret' };
  const parts = stored.slice(PREFIX.length).split('.').map((part) => Buffer.from(part, 'base64'));
  if (parts.length !== 4) return { ok: false, problem: 'wrong-secret' };
  const [salt, iv, tag, sealed] = parts as [Buffer, Buffer, Buffer, Buffer];
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey(secret, salt), iv);
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(tag);
    return { ok: true, der: Buffer.concat([decipher.update(sealed), decipher.final()]) };
  } catch {
    // GCM refuses a wrong secret, another row's key, and any change to the stored text alike.
    return { ok: false, problem: 'wrong-secret' };
  }
}
