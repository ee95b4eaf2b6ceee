/**
 * Drawing primitives of the PDF report on a pdfkit document: styled text runs, bullet
 * lists, tables that break over pages with their header repeated, and the vector
 * charts (bars, figure cards). Fonts are the DejaVu TTF files, each embedded once
 * (subset), so the text stays selectable.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import type { Block, Run } from './report.markup.ts';

type Doc = InstanceType<typeof PDFDocument>;
const require = createRequire(import.meta.url);
const FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  boldOblique: 'DejaVuSans-BoldOblique.ttf',
};
type FontName = keyof typeof FILES;

/** Names the fonts are registered under in every document (registerReportFonts). */
export const FONTS: Record<FontName, string> = {
  regular: 'report-regular',
  bold: 'report-bold',
  oblique: 'report-oblique',
  boldOblique: 'report-bold-oblique',
};

// Parsing a TTF (and its layout tables, on first use) costs more than drawing a report:
// the parsed fonts are kept for the process, from the fontkit pdfkit itself depends on,
// and each document still makes its own subset of them.
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): object };
let parsed: Record<FontName, object> | null = null;

function parsedFonts(): Record<FontName, object> {
  parsed ??= Object.fromEntries(
    Object.entries(FILES).map(([name, file]) => [
      name,
      fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))),
    ]),
  ) as Record<FontName, object>;
  return parsed;
}

export function registerReportFonts(doc: Doc): void {
  const fonts = parsedFonts();
  for (const name of Object.keys(FILES) as FontName[]) {
    // pdfkit takes a parsed fontkit font as a source; its types only list files and buffers.
    doc.registerFont(FONTS[name], fonts[name] as unknown as Buffer);
  }
}

export const COLORS = {
  text: '#1d2433',
  accent: '#0b4f6c',
  warm: '#e07a1f',
  muted: '#5b6573',
  line: '#c8d1dc',
  pale: '#eef3f7',
};

export function runFont(run: Pick<Run, 'bold' | 'italic'>): string {
  if (run.bold) return run.italic ? FONTS.boldOblique : FONTS.bold;
  return run.italic ? FONTS.oblique : FONTS.regular;
}

const left = (doc: Doc) => doc.page.margins.left;
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** Runs of one paragraph, wrapped in [x, x + width], font switched run by run. */
export function drawRuns(
  doc: Doc,
  runs: Run[],
  options: { x?: number; width?: number; size?: number } = {},
): void {
  const x = options.x ?? left(doc);
  const width = options.width ?? contentWidth(doc) - (x - left(doc));
  doc.fontSize(options.size ?? 10.5).fillColor(COLORS.text);
  runs.forEach((run, i) => {
    doc.font(runFont(run));
    const continued = i < runs.length - 1;
    if (i === 0) doc.text(run.text, x, doc.y, { width, continued, lineGap: 2 });
    else doc.text(run.text, { continued, lineGap: 2 });
  });
}

export function drawBlocks(doc: Doc, blocks: Block[], size = 10.5): void {
  for (const block of blocks) {
    ensureSpace(doc, 30);
    if (block.kind === 'paragraph') {
      drawRuns(doc, block.runs, { size });
    } else {
      for (const item of block.items) {
        ensureSpace(doc, 16);
        const y = doc.y;
        doc
          .font(FONTS.regular)
          .fontSize(size)
          .fillColor(COLORS.accent)
          .text('•', left(doc) + 6, y, { lineBreak: false });
        doc.y = y;
        drawRuns(doc, item, { x: left(doc) + 20, size });
        doc.moveDown(0.2);
      }
    }
    doc.moveDown(0.5);
    doc.x = left(doc);
  }
}

/** One line of text in a given font, back at the left margin afterwards. */
export function drawLine(
  doc: Doc,
  text: string,
  style: { font?: string; size?: number; color?: string; gap?: number } = {},
) {
  doc
    .font(style.font ?? FONTS.regular)
    .fontSize(style.size ?? 10.5)
    .fillColor(style.color ?? COLORS.text)
    .text(text, left(doc), doc.y, { width: contentWidth(doc), lineGap: 2 });
  if (style.gap) doc.moveDown(style.gap);
}

/** A sub-heading kept with the `keep` points that follow it. */
export function drawHeading2(doc: Doc, text: string, keep = 70): void {
  ensureSpace(doc, keep);
  doc.moveDown(0.6);
  drawLine(doc, text, { font: FONTS.bold, size: 13, color: COLORS.accent, gap: 0.3 });
}

/** A table: relative column widths, header row repeated after a page break. */
export function drawTable(doc: Doc, head: string[], rows: string[][], widths: number[]): void {
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => (w / total) * contentWidth(doc));
  const pad = 4;
  const size = 8.5;
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(size);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (cols[i] ?? 0) - 2 * pad }))) +
      2 * pad
    );
  };
  const drawRow = (cells: string[], bold: boolean) => {
    const height = heightOf(cells, bold);
    let x = left(doc);
    const y = doc.y;
    if (bold) doc.rect(x, y, contentWidth(doc), height).fill(COLORS.pale);
    doc.lineWidth(0.5).strokeColor(COLORS.line);
    cells.forEach((cell, i) => {
      const w = cols[i] ?? 0;
      doc.rect(x, y, w, height).stroke();
      doc
        .font(bold ? FONTS.bold : FONTS.regular)
        .fontSize(size)
        .fillColor(COLORS.text);
      doc.text(cell, x + pad, y + pad, { width: w - 2 * pad, lineGap: 0 });
      x += w;
    });
    doc.x = left(doc);
    doc.y = y + height;
  };
  ensureSpace(doc, heightOf(head, true) + (rows[0] ? heightOf(rows[0], false) : 0));
  drawRow(head, true);
  for (const row of rows) {
    if (doc.y + heightOf(row, false) > bottom(doc)) {
      doc.addPage();
      drawRow(head, true);
    }
    drawRow(row, false);
  }
  doc.moveDown(0.8);
}

/** Horizontal bars with their label and value written out (members by type). */
export function drawBars(doc: Doc, items: { label: string; value: number; text: string }[]): void {
  const labelWidth = contentWidth(doc) * 0.48;
  const barMax = contentWidth(doc) * 0.4;
  const max = Math.max(1, ...items.map((i) => i.value));
  doc.font(FONTS.regular).fontSize(9);
  // A long label wraps and its row grows; the bar stays level with the label's first line.
  const heights = items.map((i) => Math.max(18, doc.heightOfString(i.label, { width: labelWidth - 6 }) + 7));
  ensureSpace(doc, heights.reduce((a, b) => a + b, 0) + 10);
  for (const [index, item] of items.entries()) {
    const y = doc.y;
    doc.font(FONTS.regular).fontSize(9).fillColor(COLORS.text);
    doc.text(item.label, left(doc), y + 3, { width: labelWidth - 6 });
    const width = Math.max(1, (item.value / max) * barMax);
    doc.rect(left(doc) + labelWidth, y + 2, width, 12).fill(COLORS.accent);
    doc.font(FONTS.bold).fontSize(9).fillColor(COLORS.text);
    doc.text(item.text, left(doc) + labelWidth + width + 5, y + 3, { lineBreak: false });
    doc.x = left(doc);
    doc.y = y + (heights[index] ?? 18);
  }
  doc.moveDown(0.8);
}

export interface Card {
  value: string;
  label: string;
  source: string;
  declared: boolean;
}

/** Key figures as cards, three a row; the top band says computed (blue) or declared (orange). */
export function drawCards(doc: Doc, cards: Card[]): void {
  const perRow = 3;
  const gap = 8;
  const width = (contentWidth(doc) - gap * (perRow - 1)) / perRow;
  const pad = 6;
  // The value stays on one line (a number cut in two misleads): its size shrinks to fit.
  const valueSize = (value: string) => {
    doc.font(FONTS.bold);
    let size = 15;
    while (size > 8 && doc.fontSize(size).widthOfString(value) > width - 2 * pad) size -= 1;
    return size;
  };
  for (let start = 0; start < cards.length; start += perRow) {
    const row = cards.slice(start, start + perRow);
    const heights = row.map((c) => {
      doc.font(FONTS.bold).fontSize(valueSize(c.value));
      const v = doc.heightOfString(c.value, { width: width - 2 * pad });
      doc.font(FONTS.regular).fontSize(8.5);
      const l = doc.heightOfString(c.label, { width: width - 2 * pad });
      doc.fontSize(7);
      return v + l + doc.heightOfString(c.source, { width: width - 2 * pad }) + 3 * pad + 6;
    });
    const height = Math.max(...heights);
    ensureSpace(doc, height + gap);
    const y = doc.y;
    row.forEach((card, i) => {
      const x = left(doc) + i * (width + gap);
      doc.lineWidth(0.5).strokeColor(COLORS.line).rect(x, y, width, height).stroke();
      doc.rect(x, y, width, 3).fill(card.declared ? COLORS.warm : COLORS.accent);
      doc
        .font(FONTS.bold)
        .fontSize(valueSize(card.value))
        .fillColor(COLORS.accent)
        .text(card.value, x + pad, y + pad + 2, { width: width - 2 * pad });
      doc
        .font(FONTS.regular)
        .fontSize(8.5)
        .fillColor(COLORS.text)
        .text(card.label, { width: width - 2 * pad });
      doc.moveDown(0.2);
      doc
        .fontSize(7)
        .fillColor(COLORS.muted)
        .text(card.source, { width: width - 2 * pad });
    });
    doc.x = left(doc);
    doc.y = y + height + gap;
  }
}

/** The legend of the cards' colours. */
export function drawCardLegend(doc: Doc): void {
  const y = doc.y;
  const x = left(doc);
  doc.rect(x, y + 2, 10, 6).fill(COLORS.accent);
  doc.font(FONTS.regular).fontSize(8).fillColor(COLORS.muted);
  doc.text('calculé à partir des fiches détaillées', x + 14, y, { lineBreak: false });
  doc.rect(x + 200, y + 2, 10, 6).fill(COLORS.warm);
  doc.text('déclaré par une source (total publié)', x + 214, y, { lineBreak: false });
  doc.x = x;
  doc.y = y + 16;
}
