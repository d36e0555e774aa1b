/**
 * Renders a scenario description (markdown) to HTML that is safe to put in the report:
 * raw HTML is shown as text, links keep only http(s), mailto, #fragment and relative
 * targets, and images become links (the report makes no network request of its own).
 */
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './embed.js';

/** Inline images are kept only as data URLs of raster formats (no script can live there). */
const SAFE_IMAGE = /^data:image\/(png|gif|jpeg|webp);base64,[a-z0-9+/=\s]+$/i;

const NAMED_REFERENCES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', num: '#',
  lpar: '(', rpar: ')', period: '.', comma: ',', excl: '!', quest: '?', equals: '=', plus: '+',
};

/** Decodes HTML character references, as CommonMark does in link destinations. */
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    const name = ref.toLowerCase();
    return Object.hasOwn(NAMED_REFERENCES, name) ? NAMED_REFERENCES[name] : whole;
  });
}

/**
 * The URL a browser would follow for `href`, or null when it is not allowed. Character
 * references are decoded first (`jav&#x61;script:` is javascript:). Browsers drop tabs and
 * newlines anywhere in a URL and trim control characters and spaces at its ends before
 * reading the scheme ("java\tscript:" is javascript:), so the check does the same. The
 * result is escaped as a whole when written, so the browser sees exactly what was checked.
 */
export function safeLinkTarget(href: string): string | null {
  // eslint-disable-next-line no-control-regex
  const url = decodeCharacterReferences(href).replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (url === '') return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (!scheme) {
    // Relative or fragment; a leading "//" would be protocol-relative, i.e. a remote host.
    return /^[/\\]{2}/.test(url) ? null : url;
  }
  return ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase()) ? url : null;
}

function makeMarked(): Marked {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag): string {
        const text = escapeHtml(token.text);
        return 'block' in token && token.block ? `<p>${text.trimEnd()}</p>\n` : text;
      },
      link(token: Tokens.Link): string {
        const text = this.parser.parseInline(token.tokens);
        const target = safeLinkTarget(token.href);
        if (target === null) return text;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        const external = /^(https?|mailto):/i.test(target) ? ' rel="noopener noreferrer"' : '';
        return `<a href="${escapeHtml(target)}"${title}${external}>${text}</a>`;
      },
      image(token: Tokens.Image): string {
        const alt = token.text;
        const href = token.href.trim();
        if (SAFE_IMAGE.test(href)) {
          const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
          return `<img src="${escapeHtml(href.replace(/\s/g, ''))}" alt="${escapeHtml(alt)}"${title}>`;
        }
        const target = safeLinkTarget(href);
        const label = escapeHtml(alt || 'image');
        return target === null ? label : `<a href="${escapeHtml(target)}" class="image-link">${label}</a>`;
      },
    },
  });
  return marked;
}

let instance: Marked | undefined;

/** Markdown to sanitised HTML (block-level), for the report's description. */
export function renderMarkdown(markdown: string): string {
  instance ??= makeMarked();
  return instance.parse(markdown, { async: false }) as string;
}
