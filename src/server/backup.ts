/**
 * `npm run backup [-- <path>]`: a consistent copy of the database while the server runs.
 * See src/lib/server/backup.ts for how it stays consistent and why it never leaves a torn file.
 */
import { DEFAULT_DATABASE_URL } from '../../db/client';
import { BackupRefused, backupDatabase } from '../lib/server/backup';

const target = process.argv.slice(2).find((a) => !a.startsWith('-'));
try {
  const result = await backupDatabase({ url: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, authToken: process.env.DATABASE_AUTH_TOKEN, target, now: new Date() });
  const mb = (result.bytes / 1024 / 1024).toFixed(2);
  console.log(`Backed up to ${result.path} (${result.bytes} bytes, ${mb} MB) in ${Math.round(result.ms)} ms.`);
} catch (error) {
  // The message names the database without credentials (describeDatabaseUrl); never print the token.
  console.error(`Backup failed: ${error instanceof BackupRefused ? error.message : (error as Error).message}`);
  process.exit(1);
}
