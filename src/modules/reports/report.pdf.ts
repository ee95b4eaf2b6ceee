/**
 * The report as an A4 PDF (pdfkit): cover, table of contents with page numbers, one
 * section per page start, footer "Page n sur N", DejaVu Sans embedded, vector charts.
 * Pages are buffered so the contents page (drawn last) knows where each section landed.
 * The document's dates and ID come from the report (frozen date or generation date), so
 * the same report gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import { CONTENTS_TITLE, coverTitle, generationNote, reportSections } from './report.outline.ts';
import { COLORS, FONTS, registerReportFonts } from './report.pdf.draw.ts';
import { drawSection } from './report.pdf.sections.ts';
import type { AnnualReport, OnProgress } from './report.types.ts';

type Doc = InstanceType<typeof PDFDocument>;
const MARGIN = 56;

function cover(doc: Doc, report: AnnualReport) {
  const width = doc.page.width - 2 * MARGIN;
  doc.rect(0, 0, doc.page.width, 16).fill(COLORS.accent);
  doc
    .font(FONTS.bold)
    .fontSize(30)
    .fillColor(COLORS.accent)
    .text(coverTitle(report), MARGIN, 260, { width, align: 'center' });
  doc.moveDown(0.6);
  doc
    .font(FONTS.bold)
    .fontSize(18)
    .fillColor(COLORS.text)
    .text(report.delegation.name, { width, align: 'center' });
  if (report.delegation.network)
    doc
      .font(FONTS.regular)
      .fontSize(12)
      .fillColor(COLORS.muted)
      .text(report.delegation.network, { width, align: 'center' });
  if (report.delegation.tagline)
    doc
      .moveDown(0.4)
      .font(FONTS.regular)
      .fontSize(13)
      .fillColor(COLORS.text)
      .text(report.delegation.tagline, { width, align: 'center' });
  doc
    .font(FONTS.oblique)
    .fontSize(9)
    .fillColor(COLORS.muted)
    .text(generationNote(report), MARGIN, doc.page.height - 120, { width, align: 'center' });
}

function contents(doc: Doc, entries: { id: string; title: string; page: number }[]) {
  doc.font(FONTS.bold).fontSize(22).fillColor(COLORS.accent).text(CONTENTS_TITLE, MARGIN, MARGIN);
  doc.moveDown(1);
  const width = doc.page.width - 2 * MARGIN;
  for (const entry of entries) {
    const y = doc.y;
    doc.font(FONTS.regular).fontSize(12).fillColor(COLORS.text);
    doc.text(entry.title, MARGIN, y, { width: width - 40, goTo: entry.id, lineBreak: false });
    doc.text(String(entry.page), MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.y = y + 24;
  }
}

function footers(doc: Doc, report: AnnualReport) {
  const { start, count } = doc.bufferedPageRange();
  const label = `${report.delegation.name} – ${coverTitle(report)}`;
  for (let i = start + 1; i < start + count; i++) {
    doc.switchToPage(i);
    // Written below the bottom margin: lift the margin so pdfkit does not open a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 18;
    doc
      .lineWidth(0.5)
      .strokeColor(COLORS.line)
      .moveTo(MARGIN, y - 6)
      .lineTo(doc.page.width - MARGIN, y - 6)
      .stroke();
    doc.font(FONTS.regular).fontSize(8).fillColor(COLORS.muted);
    doc.text(label, MARGIN, y, { lineBreak: false, width: 360, ellipsis: true });
    doc.text(`Page ${i + 1} sur ${count}`, MARGIN, y, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
}

export async function renderReportPdf(report: AnnualReport, onProgress?: OnProgress): Promise<Buffer> {
  const date = new Date(report.frozen?.at ?? report.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    lang: 'fr-FR',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: `${coverTitle(report)} – ${report.delegation.name}`,
      Author: report.delegation.name,
      Subject: `Rapport d'activité ${report.year} généré par Maillage`,
      Creator: 'Maillage',
      Producer: 'Maillage (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  registerReportFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const sections = reportSections(report);
  const total = sections.length + 1;
  doc.addPage();
  cover(doc, report);
  doc.addPage(); // the contents, drawn once the page numbers are known
  const entries: { id: string; title: string; page: number }[] = [];
  for (const [index, s] of sections.entries()) {
    onProgress?.({ step: 'pdf', label: `Mise en page PDF : ${s.title}`, done: index, total });
    doc.addPage();
    doc.addNamedDestination(s.id);
    doc.outline.addItem(s.title);
    entries.push({ id: s.id, title: s.title, page: doc.bufferedPageRange().count });
    doc.font(FONTS.bold).fontSize(22).fillColor(COLORS.accent).text(s.title, MARGIN, MARGIN);
    doc.rect(MARGIN, doc.y + 2, 60, 3).fill(COLORS.warm);
    doc.y += 16;
    doc.x = MARGIN;
    drawSection(doc, report, s.id);
  }
  doc.switchToPage(1);
  contents(doc, entries);
  footers(doc, report);
  onProgress?.({ step: 'pdf', label: 'Mise en page PDF : finalisation', done: total - 1, total });
  doc.end();
  const buffer = await done;
  onProgress?.({ step: 'pdf', label: 'Mise en page PDF', done: total, total });
  return buffer;
}
