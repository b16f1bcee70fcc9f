import { describe, expect, it } from 'vitest';
import { checkUpload, cleanFileName, MAX_UPLOAD_BYTES, sniffMime } from '../../src/lib/domain/file-type';

const bytes = (...b: number[]) => new Uint8Array(b);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
const HTML = new TextEncoder().encode('<html><script>alert(1)</script>');
const EXE = bytes(0x4d, 0x5a, 0x90, 0x00);

describe('sniffMime: the first bytes decide, not the name', () => {
  it.each([
    ['PDF', PDF, 'application/pdf'],
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['HTML', HTML, null],
    ['a Windows program', EXE, null],
    ['nothing', bytes(), null],
    ['a truncated PNG signature', PNG.subarray(0, 4), null],
  ])('%s → %s', (_label, head, mime) => {
    expect(sniffMime(head)).toBe(mime);
  });
});

describe('checkUpload', () => {
  it.each([
    ['a real PDF named .pdf', { name: 'letter.pdf', size: 2000, head: PDF }, { ok: true, mime: 'application/pdf', name: 'letter.pdf' }],
    ['a PNG named .pdf is refused: the name must match the content', { name: 'photo.pdf', size: 2000, head: PNG }, { ok: false, problem: 'wrong-extension' }],
    ['a PNG named .exe', { name: 'photo.exe', size: 2000, head: PNG }, { ok: false, problem: 'wrong-extension' }],
    ['a JPEG named .JPEG', { name: 'shelf.JPEG', size: 2000, head: JPEG }, { ok: true, mime: 'image/jpeg', name: 'shelf.JPEG' }],
    ['HTML named .png', { name: 'photo.png', size: 2000, head: HTML }, { ok: false, problem: 'wrong-type' }],
    ['a program named .jpg', { name: 'cat.jpg', size: 2000, head: EXE }, { ok: false, problem: 'wrong-type' }],
    ['exactly 10 MB', { name: 'big.pdf', size: MAX_UPLOAD_BYTES, head: PDF }, { ok: true, mime: 'application/pdf', name: 'big.pdf' }],
    ['one byte over 10 MB', { name: 'big.pdf', size: MAX_UPLOAD_BYTES + 1, head: PDF }, { ok: false, problem: 'too-large' }],
    ['an empty file', { name: 'empty.pdf', size: 0, head: bytes() }, { ok: false, problem: 'empty' }],
    ['a path in the name', { name: '../../etc/passwd.pdf', size: 10, head: PDF }, { ok: false, problem: 'bad-name' }],
  ])('%s', (_label, input, expected) => {
    expect(checkUpload(input)).toEqual(expected);
  });
});

describe('cleanFileName', () => {
  it.each([
    ['receipt.pdf', 'receipt.pdf'],
    ['  spaced name.png ', 'spaced name.png'],
    ['a/b.pdf', null],
    ['a\\b.pdf', null],
    ['.htaccess', null],
    ['evil..pdf', null],
    ['tab\there.pdf', null],
    ['x'.repeat(201), null],
  ])('%j → %j', (name, expected) => {
    expect(cleanFileName(name)).toBe(expected);
  });
});
