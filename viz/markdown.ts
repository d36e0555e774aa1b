/**
 * Renders a scenario description (markdown) to HTML that is safe to put in the report:
 * raw HTML is shown as text, links keep only http(s), mailto, #fragment and relative
 * targets, and images become links (the report makes no network request of its own).
 */
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './embed.js';

/** Inline images are kept only as data URLs of raster formats (no script can live there). */
const SAFE_IMAGE = /^data:image\/(png|gif|jpeg|webp);base64,[a-z0-9+/=\s]+$/i;

/**
 * The URL a browser would follow for `href`, or null when it is not allowed. Browsers drop
 * tabs and newlines anywhere in a URL and trim control characters and spaces at its ends
 * before reading the scheme ("java\tscript:" is javascript:), so the check does the same.
 * The result is later escaped as a whole, so character references such as `&#106;` stay
 * literal text and cannot spell a scheme either.
 */
export function safeLinkTarget(href: string): string | null {
  // eslint-disable-next-line no-control-regex
  const url = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
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
