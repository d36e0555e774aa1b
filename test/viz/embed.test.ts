/** Embedding text, JSON and code in HTML without ever closing the element early. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, scriptForHtml, styleForHtml } from '../../viz/embed';

describe('jsonForScript', () => {
  const hostile = {
    name: '</script><script>alert(1)</script>',
    comment: '<!-- x --> & <![CDATA[ ]]>',
    separators: 'a\u2028b\u2029c',
    nested: [{ text: '</SCRIPT >' }, 1.5, null, true],
  };

  it('leaves no <, > or & and no line separators in the text', () => {
    const text = jsonForScript(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(text).toContain('\\u2028');
  });

  it('reads back unchanged with JSON.parse', () => {
    expect(JSON.parse(jsonForScript(hostile))).toEqual(hostile);
    const numbers = { series: [0, 1e-12, 123456789.123, -0.5] };
    expect(JSON.parse(jsonForScript(numbers))).toEqual(numbers);
  });

  it('refuses values without a JSON form', () => {
    expect(() => jsonForScript(undefined)).toThrow(/viz\/embed/);
  });
});

describe('scriptForHtml', () => {
  it('breaks </script in any case without changing what the code means', () => {
    const code = 'var s = "</script>"; var t = "</SCRIPT>";';
    const out = scriptForHtml(code);
    expect(out).not.toMatch(/<\/script/i);
    // eslint-disable-next-line no-new-func
    const run = new Function(`${out}; return [s, t];`);
    expect(run()).toEqual(['</script>', '</SCRIPT>']);
  });

  it('refuses code that would put the HTML parser in its escaped states', () => {
    expect(() => scriptForHtml('var a = "<!--";')).toThrow(/<!--/);
    expect(() => scriptForHtml('var a = "<script>";')).toThrow(/<script/);
  });
});

describe('escapeHtml and styleForHtml', () => {
  it('escape the five special characters and the end of a style element', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(styleForHtml('a{content:"</style>"}')).not.toContain('</style');
  });
});
