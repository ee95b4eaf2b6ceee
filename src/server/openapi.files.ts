/**
 * File answers other than CSV (`response: { 200: xlsxFile }`): described, not serialised
 * (the route sends the bytes itself). One constant per MIME type, shared by the modules.
 */
import { z } from 'zod';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The route sends a Buffer; the description says "binary string", which is what a client receives.
const bytes = z
  .custom<Uint8Array<ArrayBufferLike>>((value) => value instanceof Uint8Array)
  .meta({ type: 'string', format: 'binary' });

export const xlsxFile = {
  description: 'Classeur Excel (XLSX)',
  content: { [XLSX_MIME]: { schema: bytes } },
};
