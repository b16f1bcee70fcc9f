import { describe, expect, it } from 'vitest';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { generateToken, hashToken } from '../../src/lib/server/auth/tokens';

describe('session and invitation tokens', () => {
  it('hashes as lowercase hex SHA-256 of the UTF-8 text, so sessions stored before keep validating', () => {
    // FIPS 180-2's test vectors for "abc" and the empty message.
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // The same digests as the JavaScript SHA-256 that stored sessions were hashed with before.
    for (const token of ['abc', generateToken(), generateToken(), 'café ☕', 'x'.repeat(1000)]) {
      expect(hashToken(token)).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode(token))));
    }
  });

  it('makes 32-character base32 tokens (160 bits) that do not repeat', () => {
    const tokens = Array.from({ length: 200 }, generateToken);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
