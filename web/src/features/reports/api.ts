import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api';
import type { Answer, Body, Schema } from '../../app/contract';
import { t } from '../../i18n';

export type AnnualReport = Schema<'AnnualReport'>;
export type KeyFigure = Schema<'ReportKeyFigure'>;
export type FigureUnit = Schema<'ReportFigureUnit'>;
export type FigureGroup = Schema<'ReportFigureGroup'>;
export type FigureComparison = Schema<'ReportFigureComparison'>;
export type ReportFormat = Body<'/api/reports/{year}/render', 'post'>['format'];
export type ReportTexts = Schema<'ReportTexts'>;
export type ReportTextsState = Schema<'ReportTextsState'>;
type StreamLine = Schema<'ReportStreamLine'>;

export const reportsKeys = {
  all: ['reports'] as const,
  report: (year: number) => ['reports', 'report', year] as const,
  texts: (year: number) => ['reports', 'texts', year] as const,
  compare: (from: number, to: number) => ['reports', 'compare', from, to] as const,
};

export function useReport(year: number) {
  return useQuery({
    queryKey: reportsKeys.report(year),
    queryFn: ({ signal }) => api<AnnualReport>(`/api/reports/${year}`, { signal }),
  });
}

export function useReportTexts(year: number) {
  return useQuery({
    queryKey: reportsKeys.texts(year),
    queryFn: ({ signal }) => api<ReportTextsState>(`/api/reports/${year}/texts`, { signal }),
  });
}

export function useComparison(from: number, to: number, enabled: boolean) {
  return useQuery({
    queryKey: reportsKeys.compare(from, to),
    enabled,
    queryFn: ({ signal }) =>
      api<Answer<'/api/reports/compare'>>(`/api/reports/compare?from=${from}&to=${to}`, { signal }),
  });
}

export const putTexts = (year: number, body: Body<'/api/reports/{year}/texts', 'put'>) =>
  api<ReportTextsState>(`/api/reports/${year}/texts`, { method: 'PUT', body });
export const freezeReport = (year: number) =>
  api<Answer<'/api/reports/{year}/freeze', 'post'>>(`/api/reports/${year}/freeze`, { method: 'POST' });
export const unfreezeReport = (year: number) =>
  api<void>(`/api/reports/${year}/freeze`, { method: 'DELETE' });

export interface RenderProgress {
  label: string;
  /** 0–100 over both phases: assembling the data (first half), then drawing the file. */
  percent: number;
}

/**
 * Asks the server to generate the file and reads its answer line by line as it comes
 * (`application/x-ndjson`): progress steps, then the file itself, so that the page can
 * show where the generation is. Nothing is kept on the server between the lines.
 */
export async function renderReport(
  year: number,
  format: ReportFormat,
  onProgress: (progress: RenderProgress) => void,
): Promise<{ filename: string; blob: Blob }> {
  let response: Response;
  try {
    response = await fetch(`/api/reports/${year}/render`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ format }),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', t('errors.network'));
  }
  if (!response.ok || !response.body) {
    const payload = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      response.status,
      payload?.error?.code ?? `http.${response.status}`,
      payload?.error?.message ?? t('reports.download.failed'),
    );
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    let end = buffered.indexOf('\n');
    while (end >= 0) {
      const line = JSON.parse(buffered.slice(0, end)) as StreamLine;
      buffered = buffered.slice(end + 1);
      end = buffered.indexOf('\n');
      if (line.type === 'progress') {
        const share = line.total > 0 ? line.done / line.total : 1;
        onProgress({ label: line.label, percent: Math.round((line.phase === 'data' ? 0 : 50) + share * 50) });
      } else if (line.type === 'error') {
        throw new ApiError(500, line.code, line.message);
      } else {
        const bytes = Uint8Array.from(atob(line.base64), (c) => c.charCodeAt(0));
        return { filename: line.filename, blob: new Blob([bytes], { type: line.contentType }) };
      }
    }
    if (done) throw new ApiError(0, 'network', t('reports.download.failed'));
  }
}

/** Hands a generated file to the browser as a download. */
export function saveFile(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
