/**
 * `npm run backup` against a real libSQL file while another process keeps committing to it: the copy
 * must hold everything committed before the backup started, be one consistent instant (no half
 * transactions, no gaps), and keep the append-only triggers.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { decision, evidenceItem, evidenceVersion, upload, user } from '../../db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { BackupRefused, backupDatabase, defaultBackupPath } from '../../src/lib/server/backup';
import { decide } from '../../src/lib/server/portfolio/decisions';
import { submitEvidence } from '../../src/lib/server/portfolio/evidence';
import { useTestDatabase } from './support/test-db';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const database = useTestDatabase({ seed: true });
const out = mkdtempSync(join(tmpdir(), 'goodwill-backup-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const assessor: SessionUser = { id: 'user-assessor', email: 'a@x', name: 'A', role: 'assessor', organisationId: null, isLeadAssessor: true };
const t0 = new Date('2026-09-01T09:00:00Z');

/**
 * A second process on the same file: each transaction writes a reflection and its version together
 * and prints its sequence number only after COMMIT returned, so a printed number is committed.
 */
const WRITER = `
import { createClient } from '@libsql/client';
const c = createClient({ url: process.env.WRITER_URL, timeout: 5000 });
await c.execute('PRAGMA journal_mode = WAL');
await c.execute('PRAGMA synchronous = FULL');
let stop = false;
process.stdin.on('data', () => { stop = true; });
for (let seq = 1; !stop; seq++) {
  const id = 'writer-' + seq;
  await c.batch([
    { sql: "insert into reflection (id, user_id, title, criteria, current_version, created_at, updated_at) values (?, 'user-learner', 'w', '[]', 1, 0, 0)", args: [id] },
    { sql: "insert into reflection_version (reflection_id, version, body, saved_at) values (?, 1, 'text', 0)", args: [id] },
  ], 'write');
  process.stdout.write(seq + ' ' + Date.now() + '\\n');
  await new Promise((r) => setImmediate(r));
}
c.close();
`;

function startWriter(url: string) {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(process.execPath, ['--input-type=module', '-e', WRITER], { cwd: ROOT, env: { ...process.env, WRITER_URL: url }, stdio: ['pipe', 'pipe', 'pipe'] });
  const commits: { seq: number; at: number }[] = [];
  let buffered = '';
  let errors = '';
  child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const [seq, at] = line.split(' ').map(Number);
      commits.push({ seq: seq!, at: at! });
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const waitFor = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const poll = () => (commits.length >= n ? resolve() : child.exitCode !== null ? reject(new Error(`writer exited: ${errors}`)) : setTimeout(poll, 5));
      poll();
    });
  const stop = async () => {
    child.stdin.end('stop\n');
    return exited;
  };
  return { commits, waitFor, stop, errors: () => errors };
}

describe('npm run backup', () => {
  it('copies every committed record, at one consistent instant, while another process keeps writing', async () => {
    const { db } = database.current();
    const url = `file:${join(String((await db.all<{ file: string }>(sql`select file from pragma_database_list where name = 'main'`))[0]?.file))}`;

    // Formal records through the real services: an observation claiming three criteria, all decided.
    const evidenceIds: string[] = [];
    const decisionIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      const r = await submitEvidence(assessor, { id, learnerId: 'user-learner2', kind: 'observation', title: `Observation ${i}`, text: 'Handled a refund request calmly, asking what the customer needed first.', claims: ['P3', 'P4', 'K3'], declaredOwnWork: true }, t0);
      expect(r.type).toBe('ok');
      for (const criterion of ['P3', 'P4', 'K3']) {
        const d = await decide(assessor, { evidenceId: id, version: 1, criterion, outcome: 'met', feedback: 'Shown clearly on the day.', follows: '' }, t0);
        if (d.type !== 'decided') throw new Error(`not decided: ${d.type}`);
        decisionIds.push(d.decision.id);
      }
      evidenceIds.push(id);
    }
    // Bulk, so that the copy takes long enough for the writer to commit during it.
    for (let i = 0; i < 48; i++) {
      await db.insert(upload).values({ id: `bulk-${i}`, learnerId: 'user-learner', displayName: `scan-${i}.pdf`, mimeType: 'application/pdf', size: 512 * 1024, data: randomBytes(512 * 1024), uploadedBy: 'user-learner', uploadedAt: t0 });
    }
    const before = {
      users: (await db.select({ id: user.id }).from(user)).map((r) => r.id).sort(),
      evidence: (await db.select({ id: evidenceItem.id }).from(evidenceItem)).map((r) => r.id).sort(),
      versions: (await db.select({ id: evidenceVersion.evidenceId, v: evidenceVersion.version }).from(evidenceVersion)).map((r) => `${r.id}/${r.v}`).sort(),
      decisions: (await db.select({ id: decision.id }).from(decision)).map((r) => r.id).sort(),
      triggers: (await db.all<{ name: string }>(sql`select name from sqlite_master where type = 'trigger' order by name`)).map((r) => r.name),
    };
    expect(before.decisions).toEqual(expect.arrayContaining(decisionIds));

    const writer = startWriter(url);
    await writer.waitFor(20);
    const ackedBeforeStart = writer.commits.map((c) => c.seq);
    const startedAt = Date.now();
    const target = join(out, 'copy.db');
    const result = await backupDatabase({ url, target, now: new Date() });
    const endedAt = Date.now();
    await writer.waitFor(ackedBeforeStart.length + 20);
    expect(await writer.stop()).toBe(0);
    const duringBackup = writer.commits.filter((c) => c.at >= startedAt && c.at <= endedAt).length;
    console.log(`backup: ${result.bytes} bytes in ${result.ms.toFixed(0)} ms; the writer committed ${duringBackup} transactions during it`);

    expect(result.path).toBe(target);
    expect(result.bytes).toBeGreaterThan(24 * 1024 * 1024);
    // The writer was not blocked by the copy: it committed while the copy was being taken.
    expect(duringBackup).toBeGreaterThan(0);

    const copy = openDatabase(`file:${target}`);
    try {
      await copy.ready;
      const c = copy.db;
      expect((await c.select({ id: user.id }).from(user)).map((r) => r.id).sort()).toEqual(before.users);
      expect((await c.select({ id: evidenceItem.id }).from(evidenceItem)).map((r) => r.id).sort()).toEqual(before.evidence);
      expect((await c.select({ id: evidenceVersion.evidenceId, v: evidenceVersion.version }).from(evidenceVersion)).map((r) => `${r.id}/${r.v}`).sort()).toEqual(before.versions);
      expect((await c.select({ id: decision.id }).from(decision)).map((r) => r.id).sort()).toEqual(before.decisions);
      expect(before.evidence).toEqual(expect.arrayContaining(evidenceIds));

      // One instant: the writer's transactions in the copy are exactly 1..n, each with its version row.
      const rows = await c.all<{ id: string; versions: number }>(sql`select r.id, (select count(*) from reflection_version v where v.reflection_id = r.id) as versions from reflection r where r.id like 'writer-%'`);
      const seqs = rows.map((r) => Number(r.id.slice('writer-'.length))).sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(rows.every((r) => r.versions === 1)).toBe(true);
      for (const seq of ackedBeforeStart) expect(seqs).toContain(seq);
      expect(seqs.length).toBeLessThan(writer.commits.length);

      expect((await c.all<{ name: string }>(sql`select name from sqlite_master where type = 'trigger' order by name`)).map((r) => r.name)).toEqual(before.triggers);
      expect(before.triggers).toEqual(expect.arrayContaining(['decision_no_update', 'decision_no_delete', 'evidence_version_no_update', 'sign_off_no_delete', 'audit_event_no_update']));
      await expect(copy.client.execute(`update decision set outcome = 'not-yet' where id = '${before.decisions[0]}'`)).rejects.toThrow(/append-only/);
    } finally {
      copy.client.close();
    }
    expect(existsSync(`${target}.partial`)).toBe(false);
  }, 60_000);

  it('refuses to overwrite a backup, to copy a database that does not exist, and a libSQL server URL', async () => {
    const { db } = database.current();
    const url = `file:${String((await db.all<{ file: string }>(sql`select file from pragma_database_list where name = 'main'`))[0]?.file)}`;
    const target = join(out, 'twice.db');
    await backupDatabase({ url, target, now: t0 });
    await expect(backupDatabase({ url, target, now: t0 })).rejects.toBeInstanceOf(BackupRefused);
    await expect(backupDatabase({ url: `file:${join(out, 'missing.db')}`, target: join(out, 'of-nothing.db'), now: t0 })).rejects.toThrow(/no database/);
    expect(existsSync(join(out, 'missing.db'))).toBe(false);
    await expect(backupDatabase({ url: 'libsql://db.example.turso.io?authToken=secret', target: join(out, 'remote.db'), now: t0 })).rejects.toThrow(/libSQL server/);
    await expect(backupDatabase({ url: 'libsql://db.example.turso.io?authToken=secret', target: join(out, 'remote.db'), now: t0 })).rejects.not.toThrow(/secret/);
  });

  it('names a default backup by its UTC time', () => {
    expect(defaultBackupPath(new Date('2026-09-01T09:05:07.123Z'))).toBe('data/backups/goodwill-20260901T090507Z.db');
  });
});
