/**
 * ASVS 5.0 V6.2 (password security): every schema through which a password is set refuses common and
 * context-specific passwords with a clear message, and still takes a long passphrase.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { passwordSchema, redeemSchema, staffAccountSchema } from '../../src/lib/server/accounts/validation';
import { COMMON_PASSWORDS } from '../../src/lib/server/auth/common-passwords';
import { passwordWeakness, passwordWeaknessMessages } from '../../src/lib/server/auth/password-policy';

const firstMessage = (r: z.ZodSafeParseResult<unknown>) => (r.success ? null : r.error.issues[0]!.message);

describe('the common-passwords list', () => {
  it('holds the thousand most common passwords and the long ones attackers try, once each, in lower case', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(1_000);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    expect(COMMON_PASSWORDS.every((p) => p === p.toLowerCase() && p.length > 0)).toBe(true);
    for (const p of ['123456', 'password', 'qwerty', 'iloveyou', 'letmein', 'trustno1']) expect(COMMON_PASSWORDS).toContain(p);
    // Our minimum is 12 characters, so the list must also hold long ones, or it could never refuse anything.
    expect(COMMON_PASSWORDS.filter((p) => p.length >= 12).length).toBeGreaterThanOrEqual(300);
  });
});

describe('passwordSchema refuses what attackers try first', () => {
  it.each([
    ['on the list as it is', 'qwerty123456'],
    ['on the list, in capitals', 'QWERTY123456'],
    ['on the list with spaces round it', '  123456789012  '],
    ['on the list with separators', '1qaz-2wsx-3edc'],
    ['a listed word with digits after it', 'password2024'],
    ['a listed word with digits and symbols round it', '!!iloveyou2024!'],
    ['a listed word in look-alike characters', 'P@ssw0rd1234'],
    ['one character repeated', 'aaaaaaaaaaaa'],
    ['a short run repeated', 'abcabcabcabc'],
    ['digits repeated', '121212121212'],
  ])('%s: %j', (_label, password) => {
    expect(passwordWeakness(password)).toBe('common');
    expect(firstMessage(passwordSchema.safeParse(password))).toBe(passwordWeaknessMessages.common);
  });

  it.each(['Goodwill-2026-shop', 'goodwill-demo-2026', 'my ssr.d002 passphrase'])('the name of the service: %j', (password) => {
    expect(firstMessage(passwordSchema.safeParse(password))).toBe(passwordWeaknessMessages.context);
  });

  it('every listed password of 12 characters or more', () => {
    const long = COMMON_PASSWORDS.filter((p) => p.length >= 12 && p.length <= 128);
    expect(long.filter((p) => passwordSchema.safeParse(p).success)).toEqual([]);
  });

  it('says why in words a person can act on', () => {
    expect(passwordWeaknessMessages.common).toMatch(/attackers try first/);
    expect(passwordWeaknessMessages.common).toMatch(/Choose another/);
  });
});

describe('passwordSchema still takes a good passphrase', () => {
  it.each(['a sensible long password', 'correct horse battery staple', 'tide lamp orchard seven', 'Tr0ub4dor&3xyz', 'monkey-business-at-the-till'])('%j', (password) => {
    expect(passwordSchema.safeParse(password).success).toBe(true);
  });

  it('keeps the length rules and their messages', () => {
    expect(firstMessage(passwordSchema.safeParse('short'))).toBe('Use at least 12 characters.');
    expect(firstMessage(passwordSchema.safeParse('x'.repeat(129)))).toBe('Use at most 128 characters.');
    expect(passwordSchema.safeParse('é'.repeat(64)).success).toBe(false);
    expect(passwordSchema.safeParse(`${'word '.repeat(24)}end`).success).toBe(true);
  });
});

describe('every place a password is set uses the rule', () => {
  it('invitation redemption', () => {
    const r = redeemSchema.safeParse({ password: 'password2024', confirm: 'password2024' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === 'password')?.message).toBe(passwordWeaknessMessages.common);
    expect(redeemSchema.safeParse({ password: 'a sensible long password', confirm: 'a sensible long password' }).success).toBe(true);
  });

  it('accounts made by an administrator', () => {
    const base = { name: 'New Assessor', email: 'new@example.test', role: 'assessor' as const };
    const r = staffAccountSchema.safeParse({ ...base, password: 'letmein12345' });
    expect(r.error?.issues.find((i) => i.path[0] === 'password')?.message).toBe(passwordWeaknessMessages.common);
    expect(staffAccountSchema.safeParse({ ...base, password: 'a sensible long password' }).success).toBe(true);
  });

  it('a password change (the account page builds its schema on passwordSchema; the browser test posts it)', () => {
    const change = z.object({ current: z.string(), password: passwordSchema });
    expect(change.safeParse({ current: 'x', password: 'qwerty123456' }).success).toBe(false);
  });
});
