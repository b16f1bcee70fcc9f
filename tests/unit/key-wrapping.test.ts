import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isWrapped, unwrapKey, wrapKey } from '../../src/lib/domain/key-wrapping';

const der = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
const secret = 'a-secret-of-at-least-thirty-two-characters';
const random = () => ({ salt: randomBytes(16), iv: randomBytes(12) });

describe('the badge signing key as stored', () => {
  it('wraps to text that holds neither the key nor the secret, and unwraps to the same key', () => {
    const stored = wrapKey(der, 'z6MkKey', secret, random());
    expect(isWrapped(stored)).toBe(true);
    expect(stored).not.toContain(der.toString('base64'));
    expect(stored).not.toContain(secret);
    const back = unwrapKey(stored, 'z6MkKey', secret);
    expect(back.ok && back.der.equals(der)).toBe(true);
  });

  it('wraps the same key differently each time (its own salt and IV)', () => {
    expect(wrapKey(der, 'z6MkKey', secret, random())).not.toBe(wrapKey(der, 'z6MkKey', secret, random()));
  });

  it('refuses another secret, another key id and any change to the text', () => {
    const stored = wrapKey(der, 'z6MkKey', secret, random());
    expect(unwrapKey(stored, 'z6MkKey', `${secret}!`)).toEqual({ ok: false, problem: 'wrong-secret' });
    expect(unwrapKey(stored, 'z6MkOther', secret)).toEqual({ ok: false, problem: 'wrong-secret' });
    const last = stored.at(-2) === 'A' ? 'B' : 'A';
    expect(unwrapKey(`${stored.slice(0, -2)}${last}${stored.at(-1)}`, 'z6MkKey', secret)).toEqual({ ok: false, problem: 'wrong-secret' });
    expect(unwrapKey(`${stored}.extra`, 'z6MkKey', secret)).toEqual({ ok: false, problem: 'wrong-secret' });
  });

  it('asks for the secret when the key is wrapped and none is set', () => {
    expect(unwrapKey(wrapKey(der, 'z6MkKey', secret, random()), 'z6MkKey', undefined)).toEqual({ ok: false, problem: 'needs-secret' });
  });

  it('reads a key stored bare (before wrapping, or with no secret set) as it is', () => {
    const bare = der.toString('base64');
    expect(isWrapped(bare)).toBe(false);
    for (const s of [undefined, secret]) {
      const back = unwrapKey(bare, 'z6MkKey', s);
      expect(back.ok && back.der.equals(der)).toBe(true);
    }
  });
});
