import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * The one function that turns text a person wrote into HTML. `marked` does not sanitise, so its output
 * always passes through an allowlist: no raw HTML survives, links may only be http(s) or mailto, images
 * are dropped (an image is an easy tracking beacon and a place for event handlers), and every link
 * opens without handing our page to the target.
 */
const marked = new Marked({ gfm: true, breaks: true, async: false });

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h2', 'h3', 'h4', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // A person's top-level heading must not compete with the page's own h1.
    h1: 'h2',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer' } }),
  },
};

export function renderUserMarkdown(text: string): string {
  const html = marked.parse(text ?? '') as string;
  return sanitizeHtml(html, OPTIONS);
}
