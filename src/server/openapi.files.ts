/**
 * File answers other than CSV (`csvFile` is in openapi.ts), one constant per type: described,
 * not serialised (the route sends the bytes). Use as `response: { 200: xlsxFile }`.
 */
import { z } from 'zod';

/** Bytes the route sends as they are (a Buffer); described as a binary string. */
const bytes = z
  .custom<Uint8Array<ArrayBufferLike>>((value) => value instanceof Uint8Array)
  .meta({ type: 'string', format: 'binary' });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const xlsxFile = {
  description: 'Classeur Excel (XLSX)',
  content: { [XLSX_TYPE]: { schema: bytes } },
};

/** An image checked on upload (a delegation's logo): PNG or plain SVG. */
export const imageFile = {
  description: 'Image (PNG ou SVG)',
  content: { 'image/png': { schema: bytes }, 'image/svg+xml': { schema: bytes } },
};
