import { z } from 'zod';
import { REPORT_FORMATS } from './report.types.ts';

// Digits first, then the range: a missing year says "obligatoire", "20x4" says "format", 1789 "too small".
export const reportYearSchema = z
  .string()
  .regex(/^\d{1,4}$/)
  .pipe(z.coerce.number<string>().int().min(1990).max(2100));
export const reportFormatSchema = z.enum(REPORT_FORMATS as ['html', 'pdf', 'docx', 'json']);

/** Longest texts accepted: a president's word fills a page or two, not a book. */
export const TEXT_LIMITS = { presidentWord: 20_000, presidentSignature: 200, priorities: 20_000 } as const;

export const reportTextsInputSchema = z.strictObject({
  presidentWord: z.string().max(TEXT_LIMITS.presidentWord),
  presidentSignature: z.string().trim().max(TEXT_LIMITS.presidentSignature),
  priorities: z.string().max(TEXT_LIMITS.priorities),
});
export type ReportTextsInput = z.infer<typeof reportTextsInputSchema>;

export const reportYearParamsSchema = z.object({ year: reportYearSchema });
export const reportDownloadQuerySchema = z.object({ format: reportFormatSchema });
export const reportRenderBodySchema = z.strictObject({ format: reportFormatSchema });
export const reportCompareQuerySchema = z.object({ from: reportYearSchema, to: reportYearSchema });
