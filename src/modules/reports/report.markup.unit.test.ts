import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReportHtml } from './report.html.ts';
import { type Block, parseInline, parseMarkup, runsText } from './report.markup.ts';
import { sampleReport } from './report.sample.ts';

const plain = (text: string) => ({ text, bold: false, italic: false });

/** What a reader sees of a text: no markers, no bullets, no layout whitespace. */
const visibleOfInput = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^\s*- /, ''))
    .join('')
    .replace(/[*\s]/g, '');
const visibleOfBlocks = (blocks: Block[]) =>
  blocks
    .flatMap((b) => (b.kind === 'paragraph' ? [b.runs] : b.items))
    .map(runsText)
    .join('')
    .replace(/[*\s]/g, '');

// Texts made of the characters that matter to the parser, so the edge cases come up often.
const markupText = fc
  .array(fc.constantFrom('*', '**', '- ', '\n', '\n\n', ' ', 'a', 'é', '<b>', '&', '-', '\r\n', '  - '), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

describe('parseMarkup', () => {
  it('splits paragraphs on blank lines and joins the lines of a paragraph', () => {
    expect(parseMarkup('Bonjour à toutes\net à tous,\n\nMerci.')).toEqual([
      { kind: 'paragraph', runs: [plain('Bonjour à toutes et à tous,')] },
      { kind: 'paragraph', runs: [plain('Merci.')] },
    ]);
  });

  it('reads lines starting with "- " as one list, a following line continuing its item', () => {
    expect(parseMarkup('Nos priorités :\n- Zest’\n- achats\nresponsables\n\nFin')).toEqual([
      { kind: 'paragraph', runs: [plain('Nos priorités :')] },
      { kind: 'list', items: [[plain('Zest’')], [plain('achats responsables')]] },
      { kind: 'paragraph', runs: [plain('Fin')] },
    ]);
  });

  it('reads bold and italic, nested or not', () => {
    expect(parseInline('un **très *grand*** merci')).toEqual([
      plain('un '),
      { text: 'très ', bold: true, italic: false },
      { text: 'grand', bold: true, italic: true },
      plain(' merci'),
    ]);
    expect(parseInline('*seul*')).toEqual([{ text: 'seul', bold: false, italic: true }]);
  });

  it('keeps a marker without its closing twin as typed', () => {
    expect(parseInline('5 * 3 = 15')).toEqual([plain('5 * 3 = 15')]);
    expect(parseInline('**gras')).toEqual([plain('**gras')]);
  });

  it('keeps HTML as text', () => {
    expect(parseMarkup('<script>alert(1)</script>')).toEqual([
      { kind: 'paragraph', runs: [plain('<script>alert(1)</script>')] },
    ]);
  });

  it('gives nothing for an empty or blank text', () => {
    expect(parseMarkup('')).toEqual([]);
    expect(parseMarkup(' \n\n  \n')).toEqual([]);
  });

  it('never throws, never yields an empty run, and keeps every visible character in order', () => {
    fc.assert(
      fc.property(fc.oneof(markupText, fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        const blocks = parseMarkup(text);
        for (const block of blocks) {
          const runs = block.kind === 'paragraph' ? [block.runs] : block.items;
          for (const run of runs.flat()) expect(run.text).not.toBe('');
        }
        expect(visibleOfBlocks(blocks)).toBe(visibleOfInput(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeHtml', () => {
  it('leaves no markup-significant character in any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
      }),
    );
  });

  it('makes every staff text of a report inert in the HTML page', () => {
    fc.assert(
      fc.property(
        markupText,
        fc.constantFrom('<img src=x onerror=alert(1)>', '<script>x</script>'),
        (text, attack) => {
          const report = sampleReport();
          report.texts.presidentWord = `${text}${attack}`;
          report.texts.priorities = `- ${attack}`;
          report.delegation.name = attack;
          const html = renderReportHtml(report);
          expect(html).not.toContain('<script');
          expect(html).not.toContain('<img');
        },
      ),
      { numRuns: 50 },
    );
  });
});
