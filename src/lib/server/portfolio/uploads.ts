import { and, eq } from 'drizzle-orm';
import { upload } from '../../../../db/schema';
import { checkUpload, uploadMessages } from '../../domain/file-type';
import { db } from '../db';
import { newId } from '../ids';

/** Stores a checked file as a blob under an id the server makes; the given name is only a label. */
export async function storeUpload(learnerId: string, uploadedBy: string, file: File, now: Date): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const data = Buffer.from(await file.arrayBuffer());
  const checked = checkUpload({ name: file.name, size: data.byteLength, head: data.subarray(0, 16) });
  if (!checked.ok) return { ok: false, message: uploadMessages[checked.problem] };
  const id = newId();
  await (await db()).insert(upload).values({ id, learnerId, displayName: checked.name, mimeType: checked.mime, size: data.byteLength, data, uploadedBy, uploadedAt: now });
  return { ok: true, id };
}

export async function readUpload(id: string) {
  const [row] = await (await db()).select().from(upload).where(eq(upload.id, id));
  return row ?? null;
}

export async function uploadOf(learnerId: string, id: string) {
  const [row] = await (await db()).select({ id: upload.id }).from(upload).where(and(eq(upload.id, id), eq(upload.learnerId, learnerId)));
  return row ?? null;
}
