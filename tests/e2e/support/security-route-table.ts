/**
 * The route walk's table (tests/e2e/security-routes.spec.ts): the routes found under src/pages, the
 * people who ask for them, and what each page decides for itself once the permission module's area
 * rule has let someone in. See the spec's header for where each expectation comes from.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { demoAccounts, DEMO_ORG, otherShopAccounts } from '../../../db/seed';
import { canSeeLearner, type Capability } from '../../../src/lib/domain/capabilities';
import { can } from '../../../src/lib/server/permissions';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { ROOT } from './security-server';

// ---------------------------------------------------------------------------------------------------
// Routes on disk
// ---------------------------------------------------------------------------------------------------

export interface DiskRoute {
  route: string;
  file: string;
  /** The file handles POST (an endpoint exporting POST, or a page that branches on a POST). */
  handlesPost: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export function routesOnDisk(): DiskRoute[] {
  const pages = join(ROOT, 'src/pages');
  return walk(pages)
    .filter((f) => /\.(astro|ts|js|mjs|md|mdx|html)$/.test(f))
    .map((file) => {
      const rel = relative(pages, file).split(sep).join('/');
      const route = `/${rel.replace(/\.(astro|ts|js|mjs|md|mdx|html)$/, '')}`.replace(/\/index$/, '') || '/';
      const source = readFileSync(file, 'utf8');
      const handlesPost = file.endsWith('.astro')
        ? /request\.method\s*(===|==|!==|!=)\s*['"]POST['"]/.test(source) || /request\.method\s*(===|==)\s*['"](PUT|PATCH|DELETE)['"]/.test(source)
        : /export\s+(const|async\s+function|function)\s+(POST|PUT|PATCH|DELETE|ALL)\b/.test(source);
      return { route: route === '' ? '/' : route, file: rel, handlesPost };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

// ---------------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------------

const everyone = [...demoAccounts, ...otherShopAccounts];
const account = (id: string) => everyone.find((a) => a.id === id)!;
export const PRIYA = account('user-learner');

export const personaIds = {
  anonymous: null,
  learner: 'user-learner',
  /** Another learner of the same shop. */
  learner2: 'user-learner2',
  /** A learner of the other shop. */
  quaysideLearner: 'user-quayside-learner',
  /** The lead assessor, assigned to the demo learners. */
  assessor: 'user-assessor',
  /** Another assessor, not assigned to the demo learner. */
  assessor2: 'user-assessor2',
  manager: 'user-manager',
  /** The other shop's manager. */
  quaysideManager: 'user-quayside-manager',
  admin: 'user-admin',
} as const;
export type PersonaName = keyof typeof personaIds;
export const personaNames = Object.keys(personaIds) as PersonaName[];

export interface Persona {
  name: PersonaName;
  user: SessionUser | null;
  /** Assigned (as assessor) to the demo learner whose records the walk asks for. */
  assignedToPriya: boolean;
}

export const userOf = (id: string | null): SessionUser | null => {
  if (!id) return null;
  const a = account(id);
  return { id: a.id, email: a.email, name: a.name, role: a.role, organisationId: a.organisationId, isLeadAssessor: 'isLeadAssessor' in a ? Boolean(a.isLeadAssessor) : false };
};

// What a page decides for itself, from the same data the permission module uses.
const has = (p: Persona, capability: Capability) => can(p.user, capability);
const seesPriya = (p: Persona) => p.user !== null && canSeeLearner({ ...p.user }, { id: PRIYA.id, organisationId: PRIYA.organisationId }, p.assignedToPriya);
const isPriya = (p: Persona) => p.user?.id === PRIYA.id;
/** The management pages' `shopActor`: the capability and a shop. */
const shopActor = (p: Persona, capability: Capability) => has(p, capability) && Boolean(p.user?.organisationId);
const inDemoShop = (p: Persona) => p.user?.organisationId === DEMO_ORG.id;
const signedIn = (p: Persona) => p.user !== null;

// ---------------------------------------------------------------------------------------------------
// The table: one row per route. `allowed` is the status once the area rule has let the person in.
// ---------------------------------------------------------------------------------------------------

export interface Fixtures {
  checkAttempt: string;
  scenarioAttempt: string;
  uploadId: string;
  inviteToken: string;
}

export type Body = { form: Record<string, string> } | { json: unknown };

export interface Probe {
  path: string | ((f: Fixtures) => string);
  allowed: (p: Persona) => number;
}
export interface PostProbe extends Probe {
  /** A body that changes nothing for those allowed (invalid, stale or conflicting), unless noted. */
  body: Body;
  /** The person used for the cross-site checks: allowed to post here. */
  poster: PersonaName;
}
export interface RouteSpec {
  get: Probe;
  post?: PostProbe;
}

export const SCENARIO = 'garden-centre-patio-set';
const empty: Body = { form: {} };
/** A page that renders for everyone it lets in, and redirects a signed-in person home. */
const publicRedirectingSignedIn = (p: Persona) => (signedIn(p) ? 303 : 200);

export const TABLE: Record<string, RouteSpec> = {
  '/': { get: { path: '/', allowed: publicRedirectingSignedIn } },
  '/404': { get: { path: '/404', allowed: () => 404 } },
  '/forbidden': { get: { path: '/forbidden', allowed: () => 403 } },
  '/login': {
    get: { path: '/login', allowed: publicRedirectingSignedIn },
    post: { path: '/login', body: empty, allowed: () => 400, poster: 'anonymous' },
  },
  // POST /logout is walked in its own test below (it ends the session it is sent with).
  '/logout': { get: { path: '/logout', allowed: () => 404 } },
  '/account': {
    get: { path: '/account', allowed: () => 200 },
    post: { path: '/account', body: empty, allowed: () => 400, poster: 'learner' },
  },
  '/notifications': {
    get: { path: '/notifications', allowed: () => 200 },
    // Marks every notification read and redirects: harmless, and proves the post was accepted.
    post: { path: '/notifications', body: empty, allowed: () => 303, poster: 'learner2' },
  },
  '/invite/[token]': {
    get: { path: (f) => `/invite/${f.inviteToken}`, allowed: () => 200 },
    post: { path: (f) => `/invite/${f.inviteToken}`, body: empty, allowed: () => 400, poster: 'anonymous' },
  },
  '/files/[id]': { get: { path: (f) => `/files/${f.uploadId}`, allowed: (p) => (seesPriya(p) ? 200 : 404) } },
  '/api/health': { get: { path: '/api/health', allowed: () => 200 } },
  '/api/badges/issuer': { get: { path: '/api/badges/issuer', allowed: () => 200 } },
  '/api/checks/[attempt]': {
    get: { path: (f) => `/api/checks/${f.checkAttempt}`, allowed: () => 404 },
    post: { path: (f) => `/api/checks/${f.checkAttempt}`, body: { json: {} }, allowed: (p) => (isPriya(p) ? 400 : 404), poster: 'learner' },
  },
  '/api/reflections/[id]': {
    get: { path: '/api/reflections/demo-reflection-bench', allowed: () => 404 },
    // A stale base version: a conflict for the owner, nothing saved.
    post: { path: '/api/reflections/demo-reflection-bench', body: { json: { baseVersion: 0, body: 'Not saved.' } }, allowed: (p) => (isPriya(p) ? 409 : 404), poster: 'learner' },
  },
  '/api/scenario-attempts/[id]': {
    get: { path: (f) => `/api/scenario-attempts/${f.scenarioAttempt}`, allowed: () => 404 },
    post: { path: (f) => `/api/scenario-attempts/${f.scenarioAttempt}`, body: { json: {} }, allowed: (p) => (isPriya(p) ? 400 : 404), poster: 'learner' },
  },

  // Learning: the area needs learn:study; records are the owner's alone.
  '/learn': { get: { path: '/learn', allowed: () => 200 } },
  '/learn/authority': {
    get: { path: '/learn/authority', allowed: () => 200 },
    post: { path: '/learn/authority', body: empty, allowed: (p) => (has(p, 'authority:acknowledge') ? 409 : 403), poster: 'learner' },
  },
  '/learn/calculator': { get: { path: '/learn/calculator', allowed: () => 200 } },
  '/learn/modules': { get: { path: '/learn/modules', allowed: () => 200 } },
  '/learn/modules/[criterion]': {
    get: { path: '/learn/modules/K1', allowed: () => 200 },
    post: { path: '/learn/modules/K1', body: empty, allowed: () => 303, poster: 'learner2' },
  },
  '/learn/modules/[criterion]/check': {
    get: { path: '/learn/modules/K1/check', allowed: () => 200 },
    post: { path: '/learn/modules/K1/check', body: empty, allowed: () => 303, poster: 'learner2' },
  },
  '/learn/modules/[criterion]/check/[attempt]': {
    get: { path: (f) => `/learn/modules/K1/check/${f.checkAttempt}`, allowed: (p) => (isPriya(p) ? 200 : 404) },
    post: { path: (f) => `/learn/modules/K1/check/${f.checkAttempt}`, body: empty, allowed: (p) => (isPriya(p) ? 400 : 404), poster: 'learner' },
  },
  '/learn/portfolio': { get: { path: '/learn/portfolio', allowed: () => 200 } },
  '/learn/portfolio/add': {
    get: { path: '/learn/portfolio/add?kind=file', allowed: () => 200 },
    post: { path: '/learn/portfolio/add?kind=file', body: empty, allowed: () => 400, poster: 'learner' },
  },
  '/learn/portfolio/evidence/[id]': {
    get: { path: '/learn/portfolio/evidence/demo-evidence-bench', allowed: (p) => (isPriya(p) ? 200 : 404) },
    post: { path: '/learn/portfolio/evidence/demo-evidence-bench', body: empty, allowed: (p) => (isPriya(p) ? 400 : 404), poster: 'learner' },
  },
  '/learn/portfolio/export.json': { get: { path: '/learn/portfolio/export.json', allowed: () => 200 } },
  '/learn/portfolio/print': { get: { path: '/learn/portfolio/print', allowed: () => 200 } },
  '/learn/reflections': { get: { path: '/learn/reflections', allowed: () => 200 } },
  '/learn/reflections/new': {
    get: { path: '/learn/reflections/new', allowed: () => 200 },
    post: { path: '/learn/reflections/new', body: empty, allowed: () => 400, poster: 'learner' },
  },
  '/learn/reflections/[id]': {
    get: { path: '/learn/reflections/demo-reflection-bench', allowed: (p) => (isPriya(p) ? 200 : 404) },
    post: { path: '/learn/reflections/demo-reflection-bench', body: empty, allowed: (p) => (isPriya(p) ? 400 : 404), poster: 'learner' },
  },
  '/learn/register': { get: { path: '/learn/register', allowed: () => 200 } },
  '/learn/register/new': {
    get: { path: '/learn/register/new', allowed: (p) => (has(p, 'register:log') ? 200 : 403) },
    post: { path: '/learn/register/new', body: empty, allowed: (p) => (has(p, 'register:log') ? 400 : 403), poster: 'learner' },
  },
  '/learn/scenarios': { get: { path: '/learn/scenarios', allowed: () => 200 } },
  '/learn/scenarios/[id]': {
    get: { path: `/learn/scenarios/${SCENARIO}`, allowed: () => 200 },
    post: { path: `/learn/scenarios/${SCENARIO}`, body: empty, allowed: () => 303, poster: 'learner2' },
  },
  '/learn/scenarios/attempts/[attempt]': { get: { path: (f) => `/learn/scenarios/attempts/${f.scenarioAttempt}`, allowed: (p) => (isPriya(p) ? 200 : 404) } },
  '/learn/xapi.json': { get: { path: '/learn/xapi.json', allowed: () => 200 } },
  // Issued only once the unit is signed off; nobody in the walk is signed off yet.
  '/learn/badge.json': { get: { path: '/learn/badge.json', allowed: () => 404 } },

  // Assessing: the area needs assess:learners; a learner's records need canSeeLearner.
  '/assess': { get: { path: '/assess', allowed: () => 200 } },
  '/assess/cohort': { get: { path: '/assess/cohort', allowed: () => 200 } },
  '/assess/sampling': {
    get: { path: '/assess/sampling', allowed: (p) => (p.user?.isLeadAssessor ? 200 : 403) },
    post: { path: '/assess/sampling', body: empty, allowed: (p) => (p.user?.isLeadAssessor ? 400 : 403), poster: 'assessor' },
  },
  '/assess/evidence/[id]': {
    get: { path: '/assess/evidence/demo-evidence-bench', allowed: (p) => (seesPriya(p) ? 200 : 404) },
    post: { path: '/assess/evidence/demo-evidence-bench', body: empty, allowed: (p) => (seesPriya(p) ? 400 : 404), poster: 'assessor' },
  },
  '/assess/learners/[id]': {
    get: { path: `/assess/learners/${PRIYA.id}`, allowed: (p) => (seesPriya(p) ? 200 : 404) },
    post: { path: `/assess/learners/${PRIYA.id}?intent=observation`, body: empty, allowed: (p) => (seesPriya(p) ? 400 : 404), poster: 'assessor' },
  },
  '/assess/learners/[id]/export.json': { get: { path: `/assess/learners/${PRIYA.id}/export.json`, allowed: (p) => (seesPriya(p) ? 200 : 404) } },
  '/assess/learners/[id]/print': { get: { path: `/assess/learners/${PRIYA.id}/print`, allowed: (p) => (seesPriya(p) ? 200 : 404) } },
  '/assess/learners/[id]/xapi.json': { get: { path: `/assess/learners/${PRIYA.id}/xapi.json`, allowed: (p) => (seesPriya(p) ? 200 : 404) } },

  // Managing: the area needs manage:staff; each page its own capability and a shop; records the shop's.
  '/manage': { get: { path: '/manage', allowed: () => 200 } },
  '/manage/staff': {
    get: { path: '/manage/staff', allowed: () => 200 },
    post: { path: '/manage/staff', body: empty, allowed: (p) => (has(p, 'manage:invite') ? 400 : 403), poster: 'manager' },
  },
  '/manage/competence': { get: { path: '/manage/competence', allowed: (p) => (shopActor(p, 'manage:staff') ? 200 : 403) } },
  '/manage/approach': {
    get: { path: '/manage/approach', allowed: (p) => (shopActor(p, 'manage:approach') ? 200 : 403) },
    post: { path: '/manage/approach?intent=save', body: empty, allowed: (p) => (shopActor(p, 'manage:approach') ? 400 : 403), poster: 'manager' },
  },
  '/manage/approach/reviews/[id]': {
    get: { path: '/manage/approach/reviews/review-demo-1', allowed: (p) => (!shopActor(p, 'manage:approach') ? 403 : inDemoShop(p) ? 200 : 404) },
    post: { path: '/manage/approach/reviews/review-demo-1', body: empty, allowed: (p) => (!shopActor(p, 'manage:approach') ? 403 : inDemoShop(p) ? 400 : 404), poster: 'manager' },
  },
  '/manage/authority': {
    get: { path: '/manage/authority', allowed: (p) => (shopActor(p, 'manage:authority') ? 200 : 403) },
    post: { path: '/manage/authority?intent=add', body: empty, allowed: (p) => (shopActor(p, 'manage:authority') ? 400 : 403), poster: 'manager' },
  },
  '/manage/authority/[staffId]': {
    get: { path: `/manage/authority/${PRIYA.id}`, allowed: (p) => (!shopActor(p, 'manage:authority') ? 403 : seesPriya(p) ? 200 : 404) },
    post: { path: `/manage/authority/${PRIYA.id}?intent=grant`, body: empty, allowed: (p) => (!shopActor(p, 'manage:authority') ? 403 : seesPriya(p) ? 400 : 404), poster: 'manager' },
  },
  '/manage/effects': { get: { path: '/manage/effects', allowed: (p) => (shopActor(p, 'manage:effects') ? 200 : 403) } },
  '/manage/effects/data': {
    get: { path: '/manage/effects/data', allowed: (p) => (shopActor(p, 'manage:effects') ? 200 : 403) },
    post: { path: '/manage/effects/data?intent=event', body: empty, allowed: (p) => (shopActor(p, 'manage:effects') ? 400 : 403), poster: 'manager' },
  },
  '/manage/register': { get: { path: '/manage/register', allowed: (p) => (shopActor(p, 'manage:register') ? 200 : 403) } },
  '/manage/register/[id]': { get: { path: '/manage/register/register-demo-1', allowed: (p) => (!shopActor(p, 'manage:register') ? 403 : inDemoShop(p) ? 200 : 404) } },
  '/manage/register/export.csv': { get: { path: '/manage/register/export.csv', allowed: (p) => (shopActor(p, 'manage:register') ? 200 : 403) } },
  '/manage/register/new': {
    get: { path: '/manage/register/new', allowed: (p) => (shopActor(p, 'register:log') ? 200 : 403) },
    post: { path: '/manage/register/new', body: empty, allowed: (p) => (shopActor(p, 'register:log') ? 400 : 403), poster: 'manager' },
  },
  '/manage/witness/[id]': {
    get: { path: `/manage/witness/${PRIYA.id}`, allowed: (p) => (seesPriya(p) ? 200 : 404) },
    post: { path: `/manage/witness/${PRIYA.id}`, body: empty, allowed: (p) => (seesPriya(p) ? 400 : 404), poster: 'manager' },
  },

  // Administration: the area needs admin:organisations.
  '/admin': {
    get: { path: '/admin', allowed: () => 200 },
    post: { path: '/admin?intent=organisation', body: empty, allowed: () => 400, poster: 'admin' },
  },
  '/admin/xapi': {
    get: { path: '/admin/xapi', allowed: () => 200 },
    post: { path: '/admin/xapi', body: empty, allowed: () => 400, poster: 'admin' },
  },
};
