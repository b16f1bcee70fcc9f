import { describe, expect, it } from 'vitest';
import { areas, canSeeLearner, hasCapability, homeArea, roleCapabilities, type Actor, type Area } from '../../src/lib/domain/capabilities';
import { roles, type Role } from '../../src/lib/domain/roles';
import { decide, routePolicy } from '../../src/lib/server/permissions';

// The permission matrix, written out by hand: which role may enter which area.
const expected: Record<Role, Record<Area, boolean>> = {
  learner: { learn: true, assess: false, manage: false, admin: false },
  assessor: { learn: false, assess: true, manage: false, admin: false },
  manager: { learn: false, assess: false, manage: true, admin: false },
  admin: { learn: false, assess: true, manage: false, admin: true },
};

const user = (role: Role) => ({ id: `u-${role}`, email: `${role}@x.test`, name: role, role, organisationId: 'shop-a', isLeadAssessor: false });

describe('area access by role', () => {
  const cases = roles.flatMap((role) => (Object.keys(areas) as Area[]).map((area) => [role, area, expected[role][area]] as const));
  it.each(cases)('%s in %s → %s', (role, area, allowed) => {
    const decision = decide(routePolicy(areas[area].path), user(role));
    expect(decision).toBe(allowed ? 'allow' : 'forbidden');
    // Sub-pages of an area follow the same rule.
    expect(decide(routePolicy(`${areas[area].path}/anything/deeper`), user(role))).toBe(decision);
  });

  it.each(Object.keys(areas) as Area[])('anonymous in %s is sent to sign in', (area) => {
    expect(decide(routePolicy(areas[area].path), null)).toBe('sign-in');
  });

  it.each(roles)("%s's home area is one they may enter", (role) => {
    expect(hasCapability(role, areas[homeArea[role]].capability)).toBe(true);
  });
});

describe('route policies', () => {
  it.each([
    ['/', 'public'],
    ['/login', 'public'],
    ['/api/health', 'public'],
    ['/invite/abc', 'public'],
    ['/logout', 'signed-in'],
    ['/account', 'signed-in'],
    ['/some-new-page', 'signed-in'],
    ['/learning', 'signed-in'],
  ])('%s is %s', (path, type) => {
    expect(routePolicy(path).type).toBe(type);
  });

  it('a prefix does not open a longer word: /administrator is not /admin', () => {
    expect(routePolicy('/administrator')).toEqual({ type: 'signed-in' });
  });

  it('no role holds a capability twice', () => {
    for (const role of roles) expect(new Set(roleCapabilities[role]).size).toBe(roleCapabilities[role].length);
  });
});

describe('whose learner records a person may see', () => {
  const learner = { id: 'l1', organisationId: 'shop-a' };
  const actor = (role: Role, id: string, organisationId: string | null): Actor => ({ id, role, organisationId, isLeadAssessor: false });
  it.each([
    ['the learner themself', actor('learner', 'l1', 'shop-a'), false, true],
    ['another learner of the same shop', actor('learner', 'l2', 'shop-a'), false, false],
    ['an assigned assessor', actor('assessor', 'a1', null), true, true],
    ['an unassigned assessor', actor('assessor', 'a2', null), false, false],
    ["the shop's manager", actor('manager', 'm1', 'shop-a'), false, true],
    ["another shop's manager", actor('manager', 'm2', 'shop-b'), false, false],
    ['a manager with no shop', actor('manager', 'm3', null), false, false],
    ['an admin', actor('admin', 'ad', null), false, true],
  ])('%s → %s', (_label, who, assigned, allowed) => {
    expect(canSeeLearner(who, learner, assigned)).toBe(allowed);
  });
});
