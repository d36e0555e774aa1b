/**
 * The scenario editor: a textarea with line numbers, and the validator's errors marked at
 * their lines (a red line number and a band behind the line; the message below).
 */

export interface MarkedError {
  line: number;
  message: string;
}

export class ScenarioEditor {
  readonly textarea: HTMLTextAreaElement;
  private readonly gutter: HTMLElement;
  private readonly band: HTMLElement;
  private lines = 0;
  private marks: MarkedError[] = [];

  constructor(root: HTMLElement, onInput: (text: string) => void) {
    this.textarea = root.querySelector('textarea')!;
    this.gutter = root.querySelector('.gutter')!;
    this.band = root.querySelector('.band')!;
    this.textarea.addEventListener('input', () => { this.renumber(); onInput(this.textarea.value); });
    this.textarea.addEventListener('scroll', () => this.sync());
    // YAML indents with spaces: Tab inserts two (Shift+Tab and Esc, Tab still leave the field).
    let escaped = false;
    this.textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') { escaped = true; return; }
      if (event.key !== 'Tab' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || escaped) { escaped = false; return; }
      event.preventDefault();
      this.textarea.setRangeText('  ', this.textarea.selectionStart, this.textarea.selectionEnd, 'end');
      this.textarea.dispatchEvent(new Event('input'));
    });
  }

  get text(): string {
    return this.textarea.value;
  }

  /** Replaces the text, keeping the scroll position and (near enough) the caret. */
  setText(text: string, keepPlace = true): void {
    const { selectionStart, scrollTop } = this.textarea;
    this.textarea.value = text;
    if (keepPlace) {
      this.textarea.selectionStart = this.textarea.selectionEnd = Math.min(selectionStart, text.length);
      this.textarea.scrollTop = scrollTop;
    } else this.textarea.scrollTop = 0;
    this.renumber();
  }

  /** Marks these errors (an empty list clears the marks). */
  mark(errors: MarkedError[]): void {
    this.marks = errors;
    for (const el of Array.from(this.gutter.children) as HTMLElement[]) {
      const line = Number(el.dataset.line);
      const hit = errors.find((e) => e.line === line);
      el.classList.toggle('error', Boolean(hit));
      if (hit) el.title = hit.message; else el.removeAttribute('title');
    }
    this.sync();
  }

  /** Puts the caret at the start of `line` and scrolls it into view. */
  goTo(line: number): void {
    const lines = this.textarea.value.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    this.textarea.focus();
    this.textarea.setSelectionRange(offset, offset + (lines[line - 1]?.length ?? 0));
    const lineHeight = this.lineHeight();
    this.textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
    this.sync();
  }

  private lineHeight(): number {
    return parseFloat(getComputedStyle(this.textarea).lineHeight) || 20;
  }

  private renumber(): void {
    const count = this.textarea.value.split('\n').length;
    if (count === this.lines) return;
    this.lines = count;
    const frag = document.createDocumentFragment();
    for (let i = 1; i <= count; i++) {
      const el = document.createElement('div');
      el.className = 'ln';
      el.dataset.line = String(i);
      el.textContent = String(i);
      frag.append(el);
    }
    this.gutter.replaceChildren(frag);
    this.mark(this.marks);
  }

  private sync(): void {
    const top = this.textarea.scrollTop;
    this.gutter.scrollTop = top;
    const first = this.marks[0];
    if (!first) { this.band.hidden = true; return; }
    const padding = parseFloat(getComputedStyle(this.textarea).paddingTop) || 0;
    this.band.hidden = false;
    this.band.style.top = `${padding + (first.line - 1) * this.lineHeight() - top}px`;
    this.band.style.height = `${this.lineHeight()}px`;
  }
}
