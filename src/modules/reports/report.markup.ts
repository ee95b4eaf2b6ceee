/**
 * The small markup staff write the report's texts in (president's word, priorities):
 * paragraphs separated by blank lines, lines starting with "- " as bullet lists,
 * **bold** and *italic*. Everything else is plain text: no HTML is interpreted, so the
 * three renderers draw the same blocks and a text can never inject markup.
 */

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type Block = { kind: 'paragraph'; runs: Run[] } | { kind: 'list'; items: Run[][] };

const BULLET = /^\s*- /;

export function parseMarkup(text: string): Block[] {
  const blocks: Block[] = [];
  // Lines of the paragraph or list item being read; flushed on a blank line or a new item.
  let lines: string[] = [];
  let items: string[][] | null = null;

  const flush = () => {
    if (items) {
      if (lines.length > 0) items.push(lines);
      const runs = items.map((item) => parseInline(item.join(' '))).filter((r) => r.length > 0);
      if (runs.length > 0) blocks.push({ kind: 'list', items: runs });
    } else if (lines.length > 0) {
      const runs = parseInline(lines.join(' '));
      if (runs.length > 0) blocks.push({ kind: 'paragraph', runs });
    }
    lines = [];
    items = null;
  };

  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') {
      flush();
    } else if (BULLET.test(raw) || line.startsWith('- ')) {
      if (!items) {
        flush();
        items = [];
      } else if (lines.length > 0) {
        items.push(lines);
      }
      lines = [line.slice(2).trim()];
    } else {
      // A line under a bullet continues that item; otherwise it continues the paragraph.
      lines.push(line);
    }
  }
  flush();
  return blocks;
}

/** Inline emphasis; a marker without its closing twin stays as typed. */
export function parseInline(text: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let buffer = '';
  const push = () => {
    if (buffer === '') return;
    const last = runs.at(-1);
    if (last && last.bold === bold && last.italic === italic) last.text += buffer;
    else runs.push({ text: buffer, bold, italic });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('**', i) && (bold || text.indexOf('**', i + 2) !== -1)) {
      push();
      bold = !bold;
      i += 2;
      continue;
    }
    if (text[i] === '*' && !text.startsWith('**', i) && (italic || text.indexOf('*', i + 1) !== -1)) {
      push();
      italic = !italic;
      i += 1;
      continue;
    }
    buffer += text[i];
    i += 1;
  }
  push();
  return runs;
}

/** The plain text of a block's runs (for outlines, alt texts and tests). */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** True when a text holds nothing to print (empty or blank): the renderers then say "non rédigé". */
export function isBlank(text: string | null | undefined): boolean {
  return !text || text.trim() === '';
}
