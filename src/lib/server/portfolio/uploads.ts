import { eq } from 'drizzle-orm';
import { upload } from '../../../../db/schema';
import type { Database } from '../../../../db/client';
import { checkUpload, uploadMessages, type AllowedMime } from '../../domain/file-type';
import { db } from '../db';
import { newId } from '../ids';

/** A file that passed every check, held in memory under the id it will be stored with; not yet stored. */
export interface CheckedUpload {
  id: string;
  displayName: string;
  mimeType: AllowedMime;
  size: number;
  data: Buffer;
}

/**
 * Reads and checks a file without storing anything: the blob is written only by the transaction that
 * creates the evidence pointing at it (submitEvidence), so a refused submission leaves no blob behind.
 * The id is made by the server; the given name is only a label.
 */
export async function checkFile(file: File): Promise<{ ok: true; upload: CheckedUpload } | { ok: false; message: string }> {
  const data = Buffer.from(await file.arrayBuffer());
  const checked = checkUpload({ name: file.name, size: data.byteLength, head: data.subarray(0, 16) });
  if (!checked.ok) return { ok: false, message: uploadMessages[checked.problem] };
  return { ok: true, upload: { id: newId(), displayName: checked.name, mimeType: checked.mime, size: data.byteLength, data } };
}

/** Writes a checked file's blob. Only inside the transaction that also writes what points at it. */
export async function insertUpload(tx: Pick<Database, 'insert'>, file: CheckedUpload, learnerId: string, uploadedBy: string, now: Date): Promise<void> {
  await tx.insert(upload).values({ id: file.id, learnerId, displayName: file.displayName, mimeType: file.mimeType, size: file.size, data: file.data, uploadedBy, uploadedAt: now });
}

export async function readUpload(id: string) {
  const [row] = await (await db()).select().from(upload).where(eq(upload.id, id));
  return row ?? null;
}
