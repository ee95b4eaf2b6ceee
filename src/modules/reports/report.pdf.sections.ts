/**
 * The bodies of the PDF report's sections, in the seed report's order and wording, drawn
 * with the primitives of report.pdf.draw.ts.
 */
import type PDFDocument from 'pdfkit';
import * as content from './report.content.ts';
import { isBlank, parseMarkup } from './report.markup.ts';
import { NOT_WRITTEN, type SectionId } from './report.outline.ts';
import {
  COLORS,
  drawBars,
  drawBlocks,
  drawCardLegend,
  drawCards,
  drawHeading2,
  drawLine,
  drawRuns,
  drawTable,
  ensureSpace,
  FONTS,
} from './report.pdf.draw.ts';
import type { AnnualReport } from './report.types.ts';

type Doc = InstanceType<typeof PDFDocument>;

function text(doc: Doc, body: string) {
  if (isBlank(body)) drawLine(doc, NOT_WRITTEN, { font: FONTS.oblique, color: COLORS.warm, gap: 0.5 });
  else drawBlocks(doc, parseMarkup(body));
}

function brief(doc: Doc, report: AnnualReport) {
  const b = content.brief(report);
  drawRuns(doc, b.lead);
  drawHeading2(doc, b.typesHeading);
  drawBars(doc, b.types);
  drawHeading2(doc, b.departmentsHeading);
  drawLine(doc, b.departments || content.NO_DEPARTMENT, { gap: 0.5 });
  if (!b.objectivesHeading) return;
  drawHeading2(doc, b.objectivesHeading);
  for (const { axis, items } of b.objectives) {
    drawLine(doc, axis, { font: FONTS.bold, size: 10, gap: 0.2 });
    drawBlocks(doc, [{ kind: 'list', items }], 9.5);
  }
}

const missing = (doc: Doc, text: string) => drawLine(doc, text, { font: FONTS.oblique, gap: 0.5 });
const tableOf = (doc: Doc, t: content.TableContent) => drawTable(doc, t.head, t.rows, t.widths);

function organisation(doc: Doc, report: AnnualReport) {
  const board = content.board(report);
  drawHeading2(doc, board.heading);
  if (board.table) tableOf(doc, board.table);
  else missing(doc, content.NO_BOARD);
  if (board.representatives) drawLine(doc, board.representatives, { gap: 0.5 });
  drawHeading2(doc, content.STAFF_HEADING);
  const staff = content.staff(report);
  if (staff) tableOf(doc, staff);
  else missing(doc, content.NO_STAFF);
  const missions = content.missions(report);
  if (missions.length === 0) return;
  drawHeading2(doc, content.MISSIONS_HEADING);
  drawBlocks(doc, [{ kind: 'list', items: missions }]);
}

function keyFigures(doc: Doc, report: AnnualReport) {
  drawCardLegend(doc);
  for (const group of content.figureGroups(report)) {
    drawHeading2(doc, group.label, 150);
    drawCards(doc, group.figures);
  }
}

function chronicle(doc: Doc, report: AnnualReport) {
  for (const month of content.chronicle(report)) {
    drawHeading2(doc, month.heading);
    if (month.empty) drawLine(doc, month.empty, { font: FONTS.oblique, color: COLORS.muted, gap: 0.4 });
    for (const action of month.actions) {
      ensureSpace(doc, 50);
      drawLine(doc, action.title, { font: FONTS.bold, size: 10.5 });
      drawLine(doc, action.meta, { size: 8.5, color: COLORS.muted, gap: 0.2 });
      if (action.summary.length > 0) drawBlocks(doc, action.summary, 9.5);
      if (action.partners) drawLine(doc, action.partners, { size: 8.5, color: COLORS.muted });
      doc.moveDown(0.5);
    }
  }
}

function members(doc: Doc, report: AnnualReport) {
  for (const department of content.directory(report)) {
    drawHeading2(doc, `${department.title} ${department.count}`);
    const rows = department.organisations.map((o) => [o.name, o.address, o.contact]);
    drawTable(doc, department.head, rows, [4, 3.6, 4.4]);
  }
}

function partners(doc: Doc, report: AnnualReport) {
  const p = content.partners(report);
  if (p.items.length === 0) missing(doc, content.NO_PARTNER);
  else
    drawBlocks(doc, [
      {
        kind: 'list',
        items: p.items.map((i) => [
          { text: i.kind ? `${i.name} (${i.kind})` : i.name, bold: false, italic: false },
        ]),
      },
    ]);
  doc.moveDown(1);
  drawLine(doc, p.delegation, { font: FONTS.bold });
  for (const line of p.contact) drawLine(doc, line, { size: 9.5 });
}

/** Draws the body of one section (its title is drawn by the caller). */
export function drawSection(doc: Doc, report: AnnualReport, id: SectionId) {
  switch (id) {
    case 'presidentWord':
      text(doc, report.texts.presidentWord);
      if (report.texts.presidentSignature)
        drawLine(doc, report.texts.presidentSignature, { font: FONTS.bold });
      return;
    case 'brief':
      return brief(doc, report);
    case 'delegations':
      return tableOf(doc, content.delegations(report));
    case 'organisation':
      return organisation(doc, report);
    case 'keyFigures':
      return keyFigures(doc, report);
    case 'chronicle':
      return chronicle(doc, report);
    case 'members':
      return members(doc, report);
    case 'priorities':
      return text(doc, report.texts.priorities);
    case 'partners':
      return partners(doc, report);
  }
}
