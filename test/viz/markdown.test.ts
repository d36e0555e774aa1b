/**
 * The description sanitiser: markdown renders, but no raw HTML, no event handler and no
 * script URL survives, whatever the spelling.
 */
import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences, renderMarkdown, safeLinkTarget } from '../../viz/markdown';

/** Every tag name and attribute name in an HTML fragment (a rough scan, enough here). */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => m[1].toLowerCase() + m[2]);
}

describe('renderMarkdown', () => {
  it('renders ordinary markdown', () => {
    const html = renderMarkdown('# Title\n\nSome **bold**, *em*, `code` and a list:\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<table>');
  });

  it('shows raw HTML as text, block and inline', () => {
    const html = renderMarkdown('<script>window.__pwned = 1</script>\n\nA <img src=x onerror="alert(1)"> and <b onclick="x()">b</b>.\n\n<div onmouseover="x()">block</div>');
    expect(html).not.toMatch(/<script|<img|<b |<div/i);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    for (const t of tags(html)) expect(t).not.toMatch(/\son\w+=/i);
  });

  it('drops script and remote-host links but keeps their text', () => {
    const cases = [
      '[a](javascript:alert(1))', '[a](JAVASCRIPT:alert(1))', '[a](jav&#x61;script:alert(1))', '[a](jav&#97;script:alert(1))',
      '[a](javascript&colon;alert(1))', '[a](<java\tscript:alert(1)>)', '[a](vbscript:msgbox(1))',
      '[a](data:text/html;base64,PHNjcmlwdD4=)', '[a](//evil.example/x)', '[a](file:///etc/passwd)',
    ];
    for (const md of cases) {
      const html = renderMarkdown(md);
      expect(html, md).not.toContain('<a');
      expect(html, md).toContain('a');
    }
  });

  it('keeps http(s), mailto, fragment and relative links, with quotes escaped', () => {
    expect(renderMarkdown('[s](https://example.org/a?b=1&c=2)')).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">s</a>');
    expect(renderMarkdown('[m](mailto:a@example.org)')).toContain('href="mailto:a@example.org"');
    expect(renderMarkdown('[f](#overlay)')).toContain('<a href="#overlay">f</a>');
    expect(renderMarkdown('[r](other.html)')).toContain('<a href="other.html">r</a>');
    const titled = renderMarkdown('[t](https://example.org "a \\"quoted\\" <title>")');
    expect(titled).toContain('title="a &quot;quoted&quot; &lt;title&gt;"');
    // Exactly three attributes, each properly quoted: href, title, rel.
    expect(titled.match(/<a [^>]*>/)![0].match(/"/g)).toHaveLength(6);
  });

  it('turns images into links, except inline raster data', () => {
    const remote = renderMarkdown('![a chart](https://example.org/chart.png)');
    expect(remote).not.toContain('<img');
    expect(remote).toContain('<a href="https://example.org/chart.png" class="image-link">a chart</a>');
    expect(renderMarkdown('![x](javascript:alert(1))')).not.toMatch(/<img|<a/);
    const png = renderMarkdown('![dot](data:image/png;base64,iVBORw0KGgo=)');
    expect(png).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">');
    expect(renderMarkdown('![svg](data:image/svg+xml;base64,PHN2Zz4=)')).not.toContain('<img');
    expect(renderMarkdown('![a" onerror="alert(1)](data:image/png;base64,AAAA)')).not.toMatch(/"\s+onerror=/);
  });

  it('escapes code blocks and code spans', () => {
    const html = renderMarkdown('```html\n<script>alert(1)</script>\n```\n\n`<img onerror=x>`');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<code>&lt;img onerror=x&gt;</code>');
  });
});

describe('safeLinkTarget', () => {
  it('allows http(s), mailto, fragments and relative paths only', () => {
    expect(safeLinkTarget('https://example.org')).toBe('https://example.org');
    expect(safeLinkTarget(' http://example.org ')).toBe('http://example.org');
    expect(safeLinkTarget('#x')).toBe('#x');
    expect(safeLinkTarget('docs/a.html')).toBe('docs/a.html');
    expect(safeLinkTarget('\u0001javascript:alert(1)')).toBeNull();
    expect(safeLinkTarget('java\nscript:alert(1)')).toBeNull();
    expect(safeLinkTarget('\\\\evil.example')).toBeNull();
    expect(safeLinkTarget('')).toBeNull();
  });
});

describe('decodeCharacterReferences', () => {
  it('decodes numeric and the named references that can spell a scheme', () => {
    expect(decodeCharacterReferences('jav&#x61;script&#58;&colon;&Tab;')).toBe('javascript::\t');
    expect(decodeCharacterReferences('&amp;&lt;&unknown;&constructor;')).toBe('&<&unknown;&constructor;');
    expect(decodeCharacterReferences('&#0;&#xD800;')).toBe('\ufffd\ufffd');
  });
});
