import type { Role } from './roles';

/**
 * What each role may do, as data. Routes and actions ask the permission module
 * (src/lib/server/permissions.ts) for one of these; nothing else decides access.
 */
export const capabilityIds = [
  'learn:study',
  'learn:practise',
  'learn:reflect',
  'portfolio:submit',
  'authority:acknowledge',
  'register:log',
  'assess:learners',
  'assess:decide',
  'assess:sign-off',
  'assess:sample',
  'manage:staff',
  'manage:invite',
  'manage:authority',
  'manage:register',
  'manage:effects',
  'manage:approach',
  'manage:witness',
  'admin:organisations',
  'admin:users',
  'admin:assign',
] as const;
export type Capability = (typeof capabilityIds)[number];

export const roleCapabilities: Readonly<Record<Role, readonly Capability[]>> = {
  learner: ['learn:study', 'learn:practise', 'learn:reflect', 'portfolio:submit', 'authority:acknowledge', 'register:log'],
  assessor: ['assess:learners', 'assess:decide', 'assess:sign-off', 'assess:sample'],
  manager: [
    'manage:staff',
    'manage:invite',
    'manage:authority',
    'manage:register',
    'manage:effects',
    'manage:approach',
    'manage:witness',
    'register:log',
  ],
  admin: ['admin:organisations', 'admin:users', 'admin:assign', 'assess:learners'],
};

/** Each role's area (CONTRACTS §4) and the capability that opens it. */
export const areas = {
  learn: { path: '/learn', capability: 'learn:study', label: 'Learning' },
  assess: { path: '/assess', capability: 'assess:learners', label: 'Assessing' },
  manage: { path: '/manage', capability: 'manage:staff', label: 'Managing' },
  admin: { path: '/admin', capability: 'admin:organisations', label: 'Administration' },
} as const satisfies Record<string, { path: string; capability: Capability; label: string }>;
export type Area = keyof typeof areas;

/** The area a person lands in after signing in. */
export const homeArea: Readonly<Record<Role, Area>> = {
  learner: 'learn',
  assessor: 'assess',
  manager: 'manage',
  admin: 'admin',
};

export function hasCapability(role: Role, capability: Capability): boolean {
  return roleCapabilities[role].includes(capability);
}

export interface Actor {
  id: string;
  role: Role;
  organisationId: string | null;
  isLeadAssessor: boolean;
}

export interface LearnerSubject {
  id: string;
  organisationId: string | null;
}

/**
 * Whose records may this person see? A learner, their own; an assessor, their assigned learners'; a
 * manager, their own shop's staff; an admin, everyone's. `assigned` says whether an assignment exists
 * between the actor (as assessor) and the learner; the server looks it up.
 */
export function canSeeLearner(actor: Actor, learner: LearnerSubject, assigned: boolean): boolean {
  switch (actor.role) {
    case 'learner':
      return actor.id === learner.id;
    case 'assessor':
      return assigned;
    case 'manager':
      return actor.organisationId !== null && actor.organisationId === learner.organisationId;
    case 'admin':
      return true;
    default: {
      const unreachable: never = actor.role;
      return unreachable;
    }
  }
}
