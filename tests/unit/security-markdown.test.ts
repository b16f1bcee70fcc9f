/**
 * ASVS V1.3 / V3.2 (output encoding, sanitisation): the one function that turns a person's text into
 * HTML lets no executable markup through. Its output is parsed (htmlparser2, as a browser would decode
 * entities) and held to an allowlist written here, independently of the sanitiser's own options:
 * these tags only, no attribute but `href`/`rel` on links, and no link scheme but http, https, mailto.
 */
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderUserMarkdown } from '../../src/lib/render/user-markdown';
import { loadPayloads } from '../fixtures/xss-payloads';

const SAFE_TAGS = new Set(['p', 'br', 'strong', 'em', 'del', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h2', 'h3', 'h4', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr']);
const SAFE_ATTRIBUTES: Record<string, Set<string>> = { a: new Set(['href', 'rel']) };
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Every way the HTML breaks the allowlist; empty when it is safe. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!SAFE_TAGS.has(name)) problems.push(`tag <${name}>`);
        for (const [attr, value] of Object.entries(attributes)) {
          if (!SAFE_ATTRIBUTES[name]?.has(attr)) problems.push(`attribute ${attr} on <${name}>`);
          if (attr === 'href') {
            // Where a browser would go: the parser has decoded entities; the WHATWG URL parser (Node's
            // URL is one) then drops tabs and newlines and edge whitespace before it reads the scheme.
            let protocol: string;
            try {
              protocol = new URL(value, 'https://goodwill.example/page').protocol;
            } catch {
              protocol = 'unparseable:';
            }
            if (!SAFE_SCHEMES.has(protocol)) problems.push(`href scheme ${protocol}`);
            if (/^[\u0000-\u0020]*[\\/][\t\n\r]*[\\/]/.test(value)) problems.push('protocol-relative href');
          }
        }
      },
      oncomment() {
        problems.push('comment');
      },
      onprocessinginstruction(name) {
        problems.push(`processing instruction ${name}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  return problems;
}

const payloads = loadPayloads();

describe('the XSS corpus through renderUserMarkdown', () => {
  it('has at least 30 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(30);
  });

  it.each(payloads.map((p) => [p]))('%j leaves no executable HTML', (payload) => {
    const html = renderUserMarkdown(payload);
    expect(unsafeParts(html), html).toEqual([]);
    // Belt and braces: none of the dangerous names survives as markup (as text, escaped, it may).
    expect(html).not.toMatch(/<\s*(script|iframe|img|svg|object|embed|style|link|meta|base|form|input|button|math|body|details|template|noscript|xmp)\b/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  });

  it('the whole corpus at once leaves no executable HTML', () => {
    const html = renderUserMarkdown(payloads.join('\n\n'));
    expect(unsafeParts(html)).toEqual([]);
  });

  it('any mixture of payload fragments and markdown leaves no executable HTML', () => {
    const fragments = payloads.flatMap((p) => [p, p.slice(0, Math.ceil(p.length / 2)), p.slice(Math.floor(p.length / 2))]);
    const markdown = ['**', '_', '[', '](', ')', '![', '\n\n', '> ', '- ', '`', '```\n', '<', '>', '"', "'", '&', '#', '\\'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.constantFrom(...markdown), fc.string({ maxLength: 8 })), { maxLength: 12 }), (parts) => {
        expect(unsafeParts(renderUserMarkdown(parts.join('')))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the allowlist check itself', () => {
  // If the check could not see these, the tests above would prove nothing.
  it.each([
    ['<script>alert(1)</script>', 'tag <script>'],
    ['<img src=x onerror=alert(1)>', 'tag <img>'],
    ['<a href="javascript:alert(1)">x</a>', 'href scheme javascript:'],
    ['<a href="&#106;avascript:alert(1)">x</a>', 'href scheme javascript:'],
    ['<a href="java&#x09;script:alert(1)">x</a>', 'href scheme javascript:'],
    ['<a href="https://x" onclick="alert(1)">x</a>', 'attribute onclick on <a>'],
    ['<p style="x">x</p>', 'attribute style on <p>'],
  ])('flags %s', (html, problem) => {
    expect(unsafeParts(html)).toContain(problem);
  });
});

describe('ordinary writing still renders', () => {
  it('keeps emphasis, lists, quotes and safe links, and hardens the links', () => {
    const html = renderUserMarkdown('**Result:** she came back.\n\n- asked\n- listened\n\n> thanks\n\n[policy](https://example.com/policy) and <mailto:a@example.com>');
    expect(html).toContain('<strong>Result:</strong>');
    expect(html).toContain('<li>asked</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toMatch(/<a href="https:\/\/example\.com\/policy" rel="nofollow noopener noreferrer">policy<\/a>/);
    expect(unsafeParts(html)).toEqual([]);
  });

  it('shows a would-be tag as the text the person typed', () => {
    expect(renderUserMarkdown('I wrote <script>alert(1)</script> in the box')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
