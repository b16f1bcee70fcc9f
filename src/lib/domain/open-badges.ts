/**
 * The Open Badges 3.0 credential a learner receives when SSR.D002 is signed off: an
 * OpenBadgeCredential in the W3C Verifiable Credentials Data Model 2.0, and the issuer's Profile that
 * publishes the key its proof is checked with. Pure: the caller passes the origin, the records and
 * the time; signing is lib/domain/data-integrity.ts with a key the server holds.
 */
import { createHash } from 'node:crypto';
import type { JsonValue } from './canonical-json';
import { criteria } from './criteria';
import { dateTimeStamp } from './data-integrity';
import { uuidV5 } from './stable-uuid';
import { UNIT_CODE, UNIT_TITLE } from './xapi';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const OB_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
export const ISSUER_PATH = '/api/badges/issuer';

type Json = { [key: string]: JsonValue | undefined };

const trim = (origin: string) => origin.replace(/\/+$/, '');
export const issuerId = (origin: string) => `${trim(origin)}${ISSUER_PATH}`;
/** Key ids carry the key itself, so a rotated key gets a new id and old credentials still resolve. */
export const verificationMethodId = (origin: string, publicKeyMultibase: string) => `${issuerId(origin)}#${publicKeyMultibase}`;

/** What was assessed, in words a reader of the badge can check against the unit. */
export function criteriaNarrative(): string {
  const list = (kind: 'performance' | 'knowledge') =>
    criteria
      .filter((c) => c.kind === kind)
      .map((c) => `- **${c.id}** ${c.title}: ${c.summary}`)
      .join('\n');
  return [
    `Awarded when a qualified assessor has signed off unit ${UNIT_CODE}, having judged the learner's evidence (reflections on real work, observations, witness testimony, negotiation practice and knowledge checks) to be authentic, current and sufficient against every performance and knowledge criterion below.`,
    '',
    '**The learner can:**',
    list('performance'),
    '',
    '**The learner knows and understands:**',
    list('knowledge'),
  ].join('\n');
}

export function achievement(origin: string): Json {
  return {
    id: `${trim(origin)}/badges/achievements/${UNIT_CODE}`,
    type: ['Achievement'],
    achievementType: 'Competency',
    humanCode: UNIT_CODE,
    name: `${UNIT_CODE} ${UNIT_TITLE}`,
    description: 'Builds customer relationships that last: choosing an approach that fits the shop, its customers and competitors; deciding when special terms pay; negotiating with goodwill within clear authority; recording special terms and measuring what they achieve.',
    criteria: { narrative: criteriaNarrative() },
    inLanguage: 'en-GB',
  };
}

export function issuerProfile(origin: string, publicKeysMultibase: readonly string[] = []): Json {
  const id = issuerId(origin);
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT, MULTIKEY_CONTEXT],
    id,
    type: ['Profile'],
    name: 'Goodwill',
    url: trim(origin),
    description: `Training and assessment for ${UNIT_CODE}. Credentials are signed with eddsa-jcs-2022 by the keys listed here.`,
    verificationMethod: publicKeysMultibase.map((key) => ({ id: verificationMethodId(origin, key), type: 'Multikey', controller: id, publicKeyMultibase: key })),
    assertionMethod: publicKeysMultibase.map((key) => verificationMethodId(origin, key)),
  };
}

export interface BadgeInput {
  origin: string;
  learner: { id: string; name: string; email: string };
  /** When the unit was signed off: the credential is valid from then. */
  signedAt: Date;
}

/**
 * OB 3.0 asks for a recipient identifier; an email is personal, so it is given as a salted SHA-256
 * (`sha256$<hex>` of email + salt) that the holder can prove but a reader cannot look up.
 */
export function identityHash(email: string, salt: string): string {
  return `sha256$${createHash('sha256').update(email.trim().toLowerCase() + salt, 'utf8').digest('hex')}`;
}

/** The unsigned OpenBadgeCredential. Its id is derived from the learner, so re-issuing keeps it. */
export function badgeCredential(input: BadgeInput): Json {
  const origin = trim(input.origin);
  const credentialId = `urn:uuid:${uuidV5(`${origin}/badges/credentials/${input.learner.id}/${UNIT_CODE}`)}`;
  const salt = createHash('sha256').update(`salt:${credentialId}`).digest('hex').slice(0, 16);
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${UNIT_CODE} ${UNIT_TITLE}`,
    description: `${input.learner.name} has been assessed as competent in ${UNIT_CODE} and signed off.`,
    issuer: { id: issuerId(origin), type: ['Profile'], name: 'Goodwill', url: origin },
    validFrom: dateTimeStamp(input.signedAt),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: identityHash(input.learner.email, salt), salt },
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.learner.name },
      ],
      activityEndDate: dateTimeStamp(input.signedAt),
      achievement: achievement(origin),
    },
    credentialSchema: [{ id: OB_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
  };
}
