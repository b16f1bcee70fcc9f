import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { assessorAssignment, organisation, user as userTable, type User } from '../../../../db/schema';
import type { Role } from '../../domain/roles';
import { audit } from '../audit';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { db } from '../db';
import { newId } from '../ids';
import { byName, nullable, preparedJsonRows, text } from '../json-rows';

export type PublicUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'organisationId' | 'isLeadAssessor' | 'disabledAt' | 'createdAt'>;
export const publicColumns = {
  id: userTable.id,
  email: userTable.email,
  name: userTable.name,
  role: userTable.role,
  organisationId: userTable.organisationId,
  isLeadAssessor: userTable.isLeadAssessor,
  disabledAt: userTable.disabledAt,
  createdAt: userTable.createdAt,
};

export class EmailTakenError extends Error {
  constructor() {
    super('An account with that email address already exists.');
  }
}

export async function listOrganisations() {
  return (await db()).select().from(organisation).orderBy(asc(organisation.name));
}

export async function createOrganisation(actorId: string, input: { name: string; brandImage: 'value' | 'mid-market' | 'premium' }, now: Date) {
  const id = newId();
  const d = await db();
  await d.transaction(async (tx) => {
    await tx.insert(organisation).values({ id, ...input, createdAt: now });
    await audit({ actorId, action: 'organisation-created', subjectId: id, detail: { name: input.name } }, now, tx);
  });
  return id;
}

export async function createAccount(
  actorId: string,
  input: { name: string; email: string; role: Role; organisationId: string | null; password: string },
  now: Date,
): Promise<string> {
  const d = await db();
  const [existing] = await d.select({ id: userTable.id }).from(userTable).where(eq(userTable.email, input.email));
  if (existing) throw new EmailTakenError();
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  await d.transaction(async (tx) => {
    await tx.insert(userTable).values({ id, email: input.email, name: input.name, role: input.role, organisationId: input.organisationId, passwordHash, createdAt: now });
    await audit({ actorId, action: 'account-created', subjectId: id, detail: { role: input.role } }, now, tx);
  });
  return id;
}

export async function listUsers(filter: { organisationId?: string; role?: Role } = {}): Promise<PublicUser[]> {
  const conditions = [
    filter.organisationId ? eq(userTable.organisationId, filter.organisationId) : undefined,
    filter.role ? eq(userTable.role, filter.role) : undefined,
  ].filter((c) => c !== undefined);
  return (await db())
    .select(publicColumns)
    .from(userTable)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(userTable.name));
}

export async function findUser(id: string): Promise<PublicUser | undefined> {
  const [row] = await (await db()).select(publicColumns).from(userTable).where(eq(userTable.id, id));
  return row;
}

/** Disabling an account ends every one of its sessions at once. */
export async function setDisabled(actorId: string, userId: string, disabled: boolean, now: Date): Promise<void> {
  const d = await db();
  await d.update(userTable).set({ disabledAt: disabled ? now : null }).where(eq(userTable.id, userId));
  if (disabled) await invalidateUserSessions(userId);
  await audit({ actorId, action: disabled ? 'account-disabled' : 'account-enabled', subjectId: userId }, now);
}

export async function assignLearner(actorId: string, assessorId: string, learnerId: string, now: Date): Promise<'assigned' | 'already' | 'invalid'> {
  const d = await db();
  const [assessor] = await d.select({ role: userTable.role }).from(userTable).where(eq(userTable.id, assessorId));
  const [learner] = await d.select({ role: userTable.role }).from(userTable).where(eq(userTable.id, learnerId));
  if (assessor?.role !== 'assessor' || learner?.role !== 'learner') return 'invalid';
  const inserted = await d.insert(assessorAssignment).values({ assessorId, learnerId, createdAt: now }).onConflictDoNothing().returning();
  if (inserted.length === 0) return 'already';
  await audit({ actorId, action: 'learner-assigned', subjectId: learnerId, detail: { assessorId } }, now);
  return 'assigned';
}

/**
 * The learners an assessor is assigned, with their shop's name, by name. Built once, and read as one
 * JSON value: the assessor's home lists them on every visit, often fifty or more.
 */
const learnersOf = preparedJsonRows(
  { id: [userTable.id, text], name: [userTable.name, text], email: [userTable.email, text], organisationId: [userTable.organisationId, nullable(text)], shop: [organisation.name, nullable(text)] },
  sql`FROM ${assessorAssignment}
    JOIN ${userTable} ON ${eq(assessorAssignment.learnerId, userTable.id)}
    LEFT JOIN ${organisation} ON ${eq(userTable.organisationId, organisation.id)}
    WHERE ${and(eq(assessorAssignment.assessorId, sql.placeholder('assessorId')), isNull(userTable.disabledAt))}`,
);

export async function assignedLearners(assessorId: string) {
  return byName(await learnersOf({ assessorId }));
}

export async function allAssignments() {
  return (await db()).select().from(assessorAssignment);
}
