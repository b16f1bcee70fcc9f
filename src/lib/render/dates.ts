/**
 * Dates and times as every page shows them: British style, in UTC (the zone the audit history and
 * every export use, said beside each time on the page). Making an Intl formatter costs about a tenth of
 * a millisecond, more than rendering the rest of a small page, so each is made once here rather than
 * per request in each page.
 */
export const dateTimeUtc = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
export const dateUtc = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
