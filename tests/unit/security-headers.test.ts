/**
 * The server's header function (src/server/security-headers.ts), on its own: it adds to Astro's CSP
 * rather than replacing it (replacing would silently drop script protection), and it declares the
 * charset of text. The browser-level checks on every kind of response are in
 * tests/e2e/security-headers.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { withSecurityHeaders } from '../../src/server/security-headers';

describe('withSecurityHeaders', () => {
  it("appends frame-ancestors to Astro's policy and keeps its script-src", () => {
    const out = withSecurityHeaders({ 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'sha256-abc';", 'content-type': 'text/html' });
    expect(out['Content-Security-Policy']).toBe("default-src 'self'; script-src 'self' 'sha256-abc'; frame-ancestors 'none'");
    expect(Object.keys(out).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
  });

  it('gives a response without a policy one that forbids framing', () => {
    expect(withSecurityHeaders({})['content-security-policy']).toBe("frame-ancestors 'none'");
  });

  it.each([
    ['text/html', 'text/html; charset=utf-8'],
    ['text/plain', 'text/plain; charset=utf-8'],
    ['text/css; charset=UTF-8', 'text/css; charset=UTF-8'],
    ['application/json', 'application/json'],
    ['application/pdf', 'application/pdf'],
  ])('declares the charset of %s', (given, expected) => {
    expect(withSecurityHeaders({ 'Content-Type': given })['Content-Type']).toBe(expected);
  });

  it('always sets nosniff, the referrer policy and frame denial', () => {
    const out = withSecurityHeaders({ 'x-content-type-options': 'whatever' });
    expect(out['x-content-type-options']).toBe('nosniff');
    expect(out['referrer-policy']).toBe('same-origin');
    expect(out['x-frame-options']).toBe('DENY');
  });
});
