/**
 * The dependency-audit step of `npm test` (tests/security-audit.ts) reads npm's report correctly: a
 * clean report passes, an advisory fails with its name, and a registry that does not answer is never
 * taken for a clean report.
 */
import { describe, expect, it } from 'vitest';
import { judgeAudit, WHEN_UNREACHABLE } from '../security-audit';

const clean = JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } } });
const vulnerable = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {
    'sanitize-html': { name: 'sanitize-html', severity: 'high', via: [{ source: 1, title: 'XSS through a crafted tag', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'high' }] },
    astro: { name: 'astro', severity: 'high', via: ['sanitize-html'] },
  },
  metadata: { vulnerabilities: { high: 2, total: 2 } },
});

describe('judgeAudit', () => {
  it('passes a clean report', () => {
    expect(judgeAudit(clean).tally).toBe('passed');
  });

  it('fails on an advisory and names the package, the advisory and what to do', () => {
    const outcome = judgeAudit(vulnerable);
    expect(outcome.tally).toBe('failed');
    expect(outcome.message).toContain('sanitize-html: high — XSS through a crafted tag (https://github.com/advisories/GHSA-aaaa-bbbb-cccc)');
    expect(outcome.message).toContain('1 unaccepted advisory');
    expect(outcome.message).toContain('.github/SECURITY.md');
  });

  it.each([
    ['the registry refusing the audit endpoint', JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405 })],
    ['no output at all', ''],
    ['output that is not a report', 'npm error network'],
  ])('never counts %s as passed, and says why', (_label, stdout) => {
    const outcome = judgeAudit(stdout, 'npm error audit endpoint returned an error');
    expect(outcome.tally).toBe(WHEN_UNREACHABLE);
    expect(outcome.tally).not.toBe('passed');
    expect(outcome.message).toMatch(/could not check the dependencies/);
  });
});
