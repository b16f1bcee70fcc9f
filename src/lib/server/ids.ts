import { randomUUID } from 'node:crypto';

/** Record ids: random, so they reveal nothing about how many records exist. */
export function newId(): string {
  return randomUUID();
}
