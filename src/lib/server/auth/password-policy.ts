/**
 * Which passwords are too easy to guess, whatever their length (ASVS 5.0 V6.2.4, V6.2.11). Length alone
 * lets through "qwerty123456" and "password2024!": attackers try those first, so a password is refused
 * when, ignoring case,
 * - it is on the common-passwords list (./common-passwords.ts), as typed or with its separators dropped;
 * - what is left after taking digits and symbols off both ends is on the list ("iloveyou2024!"), also
 *   when look-alike characters are read back as letters ("P@ssw0rd1234");
 * - it is one short run repeated ("abcabcabcabc", "111111111111");
 * - it contains a word of this service (its name, the unit it teaches), the first guess against it.
 * Composition rules (a capital, a digit…) are deliberately absent: ASVS V6.2.5 and NIST 800-63B advise
 * against them; a short sentence is the advice we give instead.
 */
import { COMMON_PASSWORDS } from './common-passwords';

const COMMON = new Set(COMMON_PASSWORDS);

/** Context-specific words (V6.2.11): the service's name and the unit it teaches. */
export const CONTEXT_WORDS: readonly string[] = ['goodwill', 'ssrd002'];

export type PasswordWeakness = 'common' | 'context';

export function passwordWeakness(password: string): PasswordWeakness | null {
  const lower = password.normalize('NFKC').toLowerCase();
  const squeezed = lower.replace(/[^\p{L}\p{N}]/gu, '');
  if (CONTEXT_WORDS.some((w) => squeezed.includes(w))) return 'context';
  if (COMMON.has(lower) || COMMON.has(lower.trim()) || COMMON.has(squeezed)) return 'common';
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core.length > 0 && readings(core).some((c) => COMMON.has(c) || COMMON.has(c.replace(/[^\p{L}\p{N}]/gu, '')))) return 'common';
  if (/^(.{1,4})\1+$/su.test(lower)) return 'common';
  return null;
}

const LOOK_ALIKES: Readonly<Record<string, string>> = { '@': 'a', '4': 'a', '8': 'b', '3': 'e', '6': 'g', '0': 'o', '$': 's', '5': 's', '7': 't', '+': 't', '2': 'z' };

/** The word as typed and with look-alikes read as letters ("1" as both "i" and "l"). */
function readings(word: string): string[] {
  const base = [...word].map((ch) => LOOK_ALIKES[ch] ?? ch).join('');
  return [...new Set([word, base.replace(/[1!|]/g, 'i'), base.replace(/[1!|]/g, 'l')])];
}

export const passwordWeaknessMessages: Readonly<Record<PasswordWeakness, string>> = {
  common: 'That password is one attackers try first, or too close to one (like “password1” or “qwerty123”). Choose another: a short sentence of your own is easy to remember and hard to guess.',
  context: 'Leave the name of this service out of your password: it is the first thing an attacker would try. Choose another.',
};
