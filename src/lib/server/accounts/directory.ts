/**
 * The administrator's view of everyone on the platform, built to stay small at any size: one page of
 * people found by name or email, the number of people in each shop and of learners per assessor. At
 * the benchmark's 10,000 people the administration page had listed them all (5.4 MB of HTML).
 */
import { and, asc, count, eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { assessorAssignment, user as userTable } from '../../../../db/schema';
import { roles } from '../../domain/roles';
import { db } from '../db';
import { publicColumns, type PublicUser } from './accounts';

export const PEOPLE_PAGE_SIZE = 50;

/** What the people list is asked for, from the address: anything unusable falls back to the default. */
export const peopleQuerySchema = z.object({
  q: z.string().trim().max(100).catch(''),
  role: z.enum(roles).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

export function readPeopleQuery(params: URLSearchParams): PeopleQuery {
  return peopleQuerySchema.parse({ q: params.get('q') ?? '', role: params.get('role') || null, page: params.get('page') ?? 1 });
}

/** The address parameters of a page of this search: only what differs from the defaults. */
export function peopleSearchParams(query: PeopleQuery, page: number): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.role) params.set('role', query.role);
  if (page > 1) params.set('page', String(page));
  return params;
}

/** The address of another page of the same search (`#fragment` brings the reader back to the list). */
export function peopleSearchHref(path: string, query: PeopleQuery, page: number, fragment: string): string {
  const search = peopleSearchParams(query, page).toString();
  return `${path}${search ? `?${search}` : ''}#${fragment}`;
}

/** `%` and `_` typed by the administrator are matched as themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface PeoplePage {
  people: PublicUser[];
  total: number;
  /** The page shown: the one asked for, or the last there is. */
  page: number;
  pages: number;
}

export async function peoplePage(query: PeopleQuery): Promise<PeoplePage> {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(sql`${userTable.name} LIKE ${pattern} ESCAPE '\\'`, sql`${userTable.email} LIKE ${pattern} ESCAPE '\\'`)!);
  }
  if (query.role) conditions.push(eq(userTable.role, query.role));
  const where = conditions.length ? and(...conditions) : undefined;
  const d = await db();
  const [{ total }] = (await d.select({ total: count() }).from(userTable).where(where)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const people = await d
    .select(publicColumns)
    .from(userTable)
    .where(where)
    .orderBy(asc(userTable.name), asc(userTable.id))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((page - 1) * PEOPLE_PAGE_SIZE);
  return { people, total, page, pages };
}

/** People per shop, by shop id. */
export async function shopHeadcounts(): Promise<Map<string, number>> {
  const rows = await (await db())
    .select({ organisationId: userTable.organisationId, people: count() })
    .from(userTable)
    .where(isNotNull(userTable.organisationId))
    .groupBy(userTable.organisationId);
  return new Map(rows.map((r) => [r.organisationId!, r.people]));
}

/** Every assessor by name, with how many learners are assigned to them. */
export async function assessorLoads(): Promise<{ id: string; name: string; email: string; learners: number }[]> {
  return (await db())
    .select({ id: userTable.id, name: userTable.name, email: userTable.email, learners: count(assessorAssignment.learnerId) })
    .from(userTable)
    .leftJoin(assessorAssignment, eq(assessorAssignment.assessorId, userTable.id))
    .where(eq(userTable.role, 'assessor'))
    .groupBy(userTable.id)
    .orderBy(asc(userTable.name), asc(userTable.id));
}

/** The learner with this email address (already lower-cased by the form's schema), if there is one. */
export async function learnerByEmail(email: string): Promise<PublicUser | undefined> {
  const [row] = await (await db()).select(publicColumns).from(userTable).where(and(eq(userTable.email, email), eq(userTable.role, 'learner')));
  return row;
}
