/**
 * Safe embedding of text, JSON and code into an HTML page: what goes between tags or into
 * attributes can never close the element it sits in or start a new one.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/**
 * JSON for a `<script type="application/json">` element. `<`, `>` and `&` become \u
 * escapes so that no `</script>` or `<!--` can appear; U+2028 and U+2029 too, because
 * older JavaScript parsers treat them as line ends. JSON.parse reads the result back
 * unchanged.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('viz/embed: value has no JSON form');
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * JavaScript source for an inline classic `<script>`. `</script` (any case) would end the
 * element; it can only occur inside a string, template or regular-expression literal,
 * where `<\/` means the same. `<!--` and `<script` switch the HTML parser into its
 * "double-escaped" state, and no rewrite is safe in every literal, so they are refused.
 */
export function scriptForHtml(code: string): string {
  if (/<!--|<script/i.test(code)) throw new Error('viz/embed: inline code contains "<!--" or "<script"');
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

/** CSS for an inline `<style>`: only `</style` could end the element early. */
export function styleForHtml(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}
