import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 20 random bytes (160 bits) as in the Lucia guide: far beyond guessing, short enough for a URL. */
export function generateToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * Only this hash is stored, so a copy of the database cannot be turned back into working tokens. It runs
 * on every signed-in request: node's native SHA-256 (as hex of the UTF-8 bytes, the Lucia guide's
 * encoding) costs a tenth of the JavaScript one's time.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
