/**
 * W3C Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite (VC Data Integrity EdDSA
 * Cryptosuites v1.0 §3.3): Ed25519 over SHA-256(JCS(proof options)) ‖ SHA-256(JCS(document)).
 *
 * Chosen over a JWT-VC because the credential stays a readable JSON document that wallets and the
 * 1EdTech validator accept as an OpenBadgeCredential, and JCS (RFC 8785) needs no JSON-LD processor:
 * the proof checks out with nothing but a canonicaliser, SHA-256 and Ed25519. Keys are published as
 * Multikey (`z6Mk…`, multicodec ed25519-pub in base58-btc). Pure: keys are passed in, no clock.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalize, type JsonValue } from './canonical-json';

export const CRYPTOSUITE = 'eddsa-jcs-2022';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Multicodec prefixes (varint): ed25519-pub 0xed, ed25519-priv 0x1300. */
const ED25519_PUB = [0xed, 0x01];
const ED25519_PRIV = [0x80, 0x26];
/** PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410). */
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export function base58btcEncode(bytes: Uint8Array): string {
  let n = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

export function base58btcDecode(text: string): Uint8Array {
  let n = 0n;
  for (const ch of text) {
    const digit = BASE58.indexOf(ch);
    if (digit < 0) throw new Error(`not base58: ${JSON.stringify(ch)}`);
    n = n * 58n + BigInt(digit);
  }
  const hex = n === 0n ? '' : n.toString(16);
  const body = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  const zeros = text.length - text.replace(/^1+/, '').length;
  return new Uint8Array(Buffer.concat([Buffer.alloc(zeros), body]));
}

function multibase(prefix: number[], raw: Uint8Array): string {
  return `z${base58btcEncode(new Uint8Array([...prefix, ...raw]))}`;
}

function fromMultibase(value: string, prefix: number[]): Buffer {
  if (!value.startsWith('z')) throw new Error('only base58-btc multibase (z…) is supported');
  const bytes = Buffer.from(base58btcDecode(value.slice(1)));
  if (bytes.length !== 34 || bytes[0] !== prefix[0] || bytes[1] !== prefix[1]) throw new Error('not an Ed25519 multikey');
  return bytes.subarray(2);
}

/** The Multikey form of an Ed25519 public key: `z6Mk…`. */
export function publicKeyMultibase(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('not an Ed25519 public key');
  return multibase(ED25519_PUB, Buffer.from(jwk.x, 'base64url'));
}

export function publicKeyFromMultibase(value: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: fromMultibase(value, ED25519_PUB).toString('base64url') }, format: 'jwk' });
}

/** For published test vectors (`z3u2…` secret keys); our own keys are stored as PKCS#8. */
export function privateKeyFromMultibase(value: string): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, fromMultibase(value, ED25519_PRIV)]), format: 'der', type: 'pkcs8' });
}

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: typeof CRYPTOSUITE;
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  '@context'?: JsonValue;
  proofValue: string;
}

type Document = { [key: string]: JsonValue | undefined } & { '@context'?: JsonValue };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** What is signed: the proof options' hash, then the document's (§3.3.4 "Hashing"). */
function hashData(unsecured: Document, proofConfig: Record<string, JsonValue | undefined>): Buffer {
  return Buffer.concat([sha256(canonicalize(proofConfig)), sha256(canonicalize(unsecured))]);
}

/** `created` as an XML dateTimeStamp without milliseconds, e.g. 2026-09-01T09:00:00Z. */
export function dateTimeStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Returns the document with an `eddsa-jcs-2022` proof added. Ed25519 is deterministic. */
export function addProof<T extends Document>(document: T, privateKey: KeyObject, options: { verificationMethod: string; created: Date }): T & { proof: DataIntegrityProof } {
  const { proof: _ignored, ...unsecured } = document;
  const config = {
    type: 'DataIntegrityProof',
    cryptosuite: CRYPTOSUITE,
    created: dateTimeStamp(options.created),
    verificationMethod: options.verificationMethod,
    proofPurpose: 'assertionMethod',
    ...(unsecured['@context'] !== undefined ? { '@context': unsecured['@context'] } : {}),
  } as const;
  const signature = sign(null, hashData(unsecured, config), privateKey);
  return { ...(unsecured as T), proof: { ...config, proofValue: `z${base58btcEncode(signature)}` } };
}

export type VerifyResult = { verified: true; verificationMethod: string } | { verified: false; reason: string };

/** Checks an `eddsa-jcs-2022` proof with the given public key (§3.3.2 "Verify Proof"). */
export function verifyProof(document: Document, publicKey: KeyObject): VerifyResult {
  const proof = document.proof as Partial<DataIntegrityProof> | undefined;
  if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return { verified: false, reason: 'no proof' };
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== CRYPTOSUITE) return { verified: false, reason: 'not an eddsa-jcs-2022 proof' };
  if (proof.proofPurpose !== 'assertionMethod') return { verified: false, reason: 'unexpected proof purpose' };
  if (typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith('z')) return { verified: false, reason: 'malformed proofValue' };
  const { proofValue, ...options } = proof;
  const { proof: _proof, ...unsecured } = document;
  if (options['@context'] !== undefined) {
    // The proof's context must be the document's (or its start): a changed context is a changed document.
    const mine = [options['@context']].flat();
    const theirs = [unsecured['@context']].flat();
    if (mine.some((c, i) => canonicalize(c ?? null) !== canonicalize(theirs[i] ?? null))) return { verified: false, reason: '@context does not match the proof' };
    unsecured['@context'] = options['@context'];
  } else if (unsecured['@context'] !== undefined) options['@context'] = unsecured['@context'];
  let signature: Uint8Array;
  try {
    signature = base58btcDecode(proofValue.slice(1));
  } catch {
    return { verified: false, reason: 'malformed proofValue' };
  }
  if (signature.length !== 64) return { verified: false, reason: 'malformed proofValue' };
  let ok: boolean;
  try {
    ok = verify(null, hashData(unsecured, options as Record<string, JsonValue>), publicKey, signature);
  } catch (error) {
    return { verified: false, reason: (error as Error).message };
  }
  return ok ? { verified: true, verificationMethod: String(options.verificationMethod) } : { verified: false, reason: 'signature does not match' };
}
