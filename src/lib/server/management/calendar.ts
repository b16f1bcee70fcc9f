/**
 * The shop's calendar of things other than special terms that move sales and satisfaction (K8):
 * promotions, seasonal peaks, competitors opening. The effect analysis flags any that overlap its windows.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { calendarEvent } from '../../../../db/schema';
import type { CalendarEvent as DomainEvent, CalendarEventKind } from '../../domain/effects';
import { audit } from '../audit';
import { db } from '../db';
import { newId } from '../ids';
import { promptCompetitorReview } from './approach';

export type EventKind = (typeof calendarEvent.$inferSelect)['kind'];

export const eventKindLabels: Readonly<Record<EventKind, string>> = {
  promotion: 'Promotion',
  'seasonal-peak': 'Seasonal peak',
  competitor: 'Competitor opening or offer',
  other: 'Something else',
};

/** The schema says 'competitor'; the effects module says 'competitor-opening' for the same thing. */
const domainKind: Readonly<Record<EventKind, CalendarEventKind>> = {
  promotion: 'promotion',
  'seasonal-peak': 'seasonal-peak',
  competitor: 'competitor-opening',
  other: 'other',
};

export function shopEvents(organisationId: string) {
  return eventsOfShops([organisationId]);
}

/** The events of several shops, for an effect analysis that pools them. */
export async function eventsOfShops(organisationIds: readonly string[]) {
  return (await db()).select().from(calendarEvent).where(inArray(calendarEvent.organisationId, [...organisationIds])).orderBy(asc(calendarEvent.startDate));
}

export function toDomainEvent(row: typeof calendarEvent.$inferSelect): DomainEvent {
  return { name: row.name, kind: domainKind[row.kind], start: row.startDate, end: row.endDate };
}

/** Adds an event; a competitor event also prompts an early review of the approach (P9), once, here. */
export async function addEvent(actor: { id: string; organisationId: string }, input: { name: string; kind: EventKind; startDate: string; endDate: string }, now: Date): Promise<string> {
  const id = newId();
  await (await db()).transaction(async (tx) => {
    await tx.insert(calendarEvent).values({ id, organisationId: actor.organisationId, ...input, createdAt: now });
    await audit({ actorId: actor.id, action: 'calendar-event-added', subjectId: id, detail: { kind: input.kind, name: input.name } }, now, tx);
    if (input.kind === 'competitor') await promptCompetitorReview(tx, actor.organisationId, id, now);
  });
  return id;
}

/** Removes one of the shop's events (a calendar entry is a note, not a formal record). */
export async function removeEvent(actor: { id: string; organisationId: string }, id: string, now: Date): Promise<boolean> {
  return (await db()).transaction(async (tx) => {
    const gone = await tx.delete(calendarEvent).where(and(eq(calendarEvent.id, id), eq(calendarEvent.organisationId, actor.organisationId))).returning({ id: calendarEvent.id });
    if (gone.length > 0) await audit({ actorId: actor.id, action: 'calendar-event-removed', subjectId: id }, now, tx);
    return gone.length > 0;
  });
}
