import type { APIRoute } from 'astro';
import { sql } from 'drizzle-orm';
import { db } from '../../lib/server/db';

/** For load balancers: 200 when this server and its database answer, 503 when the database does not. */
export const GET: APIRoute = async () => {
  const start = performance.now();
  try {
    await (await db()).run(sql`select 1`);
    return Response.json({ status: 'ok', database: 'ok', databaseMs: Math.round((performance.now() - start) * 10) / 10 }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return Response.json({ status: 'error', database: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
};
