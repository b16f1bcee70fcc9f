import type { APIRoute } from 'astro';
import { listUsers } from '../../../lib/server/accounts/accounts';
import { shopActor } from '../../../lib/server/management/guard';
import { shopRegister } from '../../../lib/server/management/register';
import { registerCsv } from '../../../lib/server/management/register-export';

/** The shop's register as CSV (RFC 4180, formula-safe), with the same filters as the register page. */
export const GET: APIRoute = async ({ locals, url }) => {
  const manager = shopActor(locals.user, 'manage:register');
  if (!manager) return new Response('Not allowed.', { status: 403, headers: { 'content-type': 'text/plain' } });
  const people = await listUsers({ organisationId: manager.organisationId });
  const staff = url.searchParams.get('staff');
  const staffId = staff && people.some((p) => p.id === staff) ? staff : undefined;
  const entries = await shopRegister(manager.organisationId, {
    flagged: url.searchParams.get('flagged') === '1',
    staffId,
    source: url.searchParams.get('source') === 'practice' ? 'practice' : 'shop',
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(registerCsv(entries), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="special-terms-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
