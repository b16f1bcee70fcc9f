/**
 * The one permission module. Every route and action asks it: routes through `routePolicy` (applied by
 * the middleware to every request) and `guard`, records through the object checks below.
 */
import { and, eq } from 'drizzle-orm';
import { assessorAssignment, user as userTable } from '../../../db/schema';
import { areas, canSeeLearner, hasCapability, type Actor, type Capability } from '../domain/capabilities';
import type { SessionUser } from './auth/session';
import { db } from './db';

export type RoutePolicy = { type: 'public' } | { type: 'signed-in' } | { type: 'capability'; capability: Capability };

/**
 * Route prefixes and what they need. Anything not listed needs a signed-in person: a new route is
 * closed until someone opens it here.
 */
const ROUTE_POLICIES: readonly [prefix: string, policy: RoutePolicy][] = [
  ['/api/health', { type: 'public' }],
  ['/api/badges/issuer', { type: 'public' }],
  ['/login', { type: 'public' }],
  ['/invite/', { type: 'public' }],
  ['/forbidden', { type: 'public' }],
  ['/404', { type: 'public' }],
  ['/logout', { type: 'signed-in' }],
  ['/api/checks', { type: 'capability', capability: 'learn:study' }],
  ['/api/reflections', { type: 'capability', capability: 'learn:reflect' }],
  ['/api/scenario-attempts', { type: 'capability', capability: 'learn:practise' }],
  ...Object.values(areas).map(({ path, capability }) => [path, { type: 'capability', capability }] as [string, RoutePolicy]),
];

export function routePolicy(pathname: string): RoutePolicy {
  if (pathname === '/') return { type: 'public' };
  for (const [prefix, policy] of ROUTE_POLICIES) {
    if (pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) return policy;
  }
  return { type: 'signed-in' };
}

export type Decision = 'allow' | 'sign-in' | 'forbidden';

export function decide(policy: RoutePolicy, user: SessionUser | null): Decision {
  switch (policy.type) {
    case 'public':
      return 'allow';
    case 'signed-in':
      return user ? 'allow' : 'sign-in';
    case 'capability':
      if (!user) return 'sign-in';
      return hasCapability(user.role, policy.capability) ? 'allow' : 'forbidden';
    default: {
      const unreachable: never = policy;
      return unreachable;
    }
  }
}

export function actorOf(user: SessionUser): Actor {
  return { id: user.id, role: user.role, organisationId: user.organisationId, isLeadAssessor: user.isLeadAssessor };
}

export function can(user: SessionUser | null, capability: Capability): boolean {
  return user !== null && hasCapability(user.role, capability);
}

export async function isAssigned(assessorId: string, learnerId: string): Promise<boolean> {
  const rows = await (await db())
    .select({ id: assessorAssignment.learnerId })
    .from(assessorAssignment)
    .where(and(eq(assessorAssignment.assessorId, assessorId), eq(assessorAssignment.learnerId, learnerId)));
  return rows.length > 0;
}

/**
 * The learner whose records `user` wants, or null when they may not see them. Callers answer null with
 * 404, so a record's existence is not revealed to someone who may not see it.
 */
export async function visibleLearner(user: SessionUser, learnerId: string) {
  const [learner] = await (await db())
    .select({ id: userTable.id, name: userTable.name, email: userTable.email, organisationId: userTable.organisationId, role: userTable.role })
    .from(userTable)
    .where(eq(userTable.id, learnerId));
  if (!learner || learner.role !== 'learner') return null;
  const assigned = user.role === 'assessor' ? await isAssigned(user.id, learnerId) : false;
  return canSeeLearner(actorOf(user), learner, assigned) ? learner : null;
}
