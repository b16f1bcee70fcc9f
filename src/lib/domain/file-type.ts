/**
 * What an uploaded file really is, from its first bytes. The name and the browser's stated type are
 * both under the uploader's control, so neither is trusted.
 */
export type AllowedMime = 'application/pdf' | 'image/jpeg' | 'image/png';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const SIGNATURES: readonly { mime: AllowedMime; bytes: readonly number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

export function sniffMime(head: Uint8Array): AllowedMime | null {
  for (const sig of SIGNATURES) {
    if (head.length >= sig.bytes.length && sig.bytes.every((b, i) => head[i] === b)) return sig.mime;
  }
  return null;
}

export type UploadProblem = 'empty' | 'too-large' | 'wrong-type' | 'wrong-extension' | 'bad-name';

/** The name must say what the bytes are, so a download never lands as something else (ASVS V5.2.2). */
const EXTENSIONS: Readonly<Record<AllowedMime, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

export const uploadMessages: Readonly<Record<UploadProblem, string>> = {
  empty: 'Choose a file to upload.',
  'too-large': 'That file is over 10 MB. Make it smaller (for example, scan at a lower resolution) and try again.',
  'wrong-type': 'Only PDF, JPEG and PNG files can be uploaded. This file is none of those, whatever its name says.',
  'wrong-extension': 'The file’s name does not match what it contains. Give a PDF a .pdf name, a JPEG .jpg or .jpeg, a PNG .png.',
  'bad-name': 'That file name cannot be used. Rename the file without slashes, dots at the start or control characters.',
};

/** A name fit to show and to offer as a download name; null when the name tries to be a path. */
export function cleanFileName(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200) return null;
  if (/[\/\\\x00-\x1f\x7f]/.test(trimmed) || trimmed.startsWith('.') || trimmed.includes('..')) return null;
  return trimmed;
}

export function checkUpload(input: { name: string; size: number; head: Uint8Array }): { ok: true; mime: AllowedMime; name: string } | { ok: false; problem: UploadProblem } {
  if (input.size === 0) return { ok: false, problem: 'empty' };
  if (input.size > MAX_UPLOAD_BYTES) return { ok: false, problem: 'too-large' };
  const name = cleanFileName(input.name);
  if (!name) return { ok: false, problem: 'bad-name' };
  const mime = sniffMime(input.head);
  if (!mime) return { ok: false, problem: 'wrong-type' };
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (!name.includes('.') || !EXTENSIONS[mime].includes(extension)) return { ok: false, problem: 'wrong-extension' };
  return { ok: true, mime, name };
}
