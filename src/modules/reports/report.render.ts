/**
 * One entry point for every output of the report: the service, the routes and the CLI
 * call this and never a renderer directly.
 */
import { slug } from '../../lib/text.ts';
import { renderReportDocx } from './report.docx.ts';
import { renderReportHtml } from './report.html.ts';
import { renderReportPdf } from './report.pdf.ts';
import type { AnnualReport, OnProgress, ReportFormat } from './report.types.ts';

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  filename: string;
}

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
};

/** "Coorace Occitanie" → "coorace-occitanie": ASCII only, safe in a Content-Disposition header. */
export function slugify(text: string): string {
  return slug(text) || 'rapport';
}

export function reportFilename(report: AnnualReport, format: ReportFormat): string {
  const slug = slugify(report.delegation.slug || report.delegation.name);
  return `rapport-activite-${slug}-${report.year}.${format}`;
}

export async function renderReport(
  report: AnnualReport,
  format: ReportFormat,
  onProgress?: OnProgress,
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const label = { html: 'Mise en page HTML', pdf: 'Mise en page PDF', docx: 'Document Word', json: 'JSON' }[
    format
  ];
  let body: Buffer;
  switch (format) {
    case 'pdf':
      body = await renderReportPdf(report, onProgress);
      break;
    case 'docx':
      onProgress?.({ step: format, label, done: 0, total: 1 });
      body = await renderReportDocx(report);
      onProgress?.({ step: format, label, done: 1, total: 1 });
      break;
    case 'html':
      body = Buffer.from(renderReportHtml(report), 'utf8');
      onProgress?.({ step: format, label, done: 1, total: 1 });
      break;
    case 'json':
      body = Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
      onProgress?.({ step: format, label, done: 1, total: 1 });
      break;
  }
  return { body, contentType: REPORT_CONTENT_TYPES[format], filename: reportFilename(report, format) };
}
