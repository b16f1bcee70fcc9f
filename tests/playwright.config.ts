import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 4555);
// A fresh database for each run, seeded with the demo organisation by the real start script.
const dbDir = process.env.E2E_DB_DIR ?? mkdtempSync(join(tmpdir(), 'goodwill-e2e-'));
process.env.E2E_DB_DIR = dbDir;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 2,
  // One retry: on two shared cores a long browser flow occasionally runs out of time. A test that
  // needed it is reported as flaky in the list, so it stays visible rather than hidden.
  retries: 1,
  timeout: 30_000,
  // Generous: the suite shares two cores with a second worker and the server under test.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node --import tsx src/server/start.ts',
    cwd: '..',
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(PORT), HOST: 'localhost', DATABASE_URL: `file:${join(dbDir, 'e2e.db')}`, ASTRO_TELEMETRY_DISABLED: '1', SEED_DEMO: 'true' },
    stdout: 'ignore',
  },
});
