import { z } from 'zod';

export const yearSchema = z.coerce.number().int().min(1990).max(2100);

/** A stable camelCase English id naming what the figure counts: gepMeetings, trainees, trainingHours… */
// Checked by the service (figures.key_invalid) so that the message can say what a key looks like.
export const figureKeyPattern = /^[a-z][A-Za-z0-9]{1,63}$/;
export const figureKeySchema = z.string().max(200);

export const figureUnits = ['count', 'hours', 'euros', 'percent'] as const;
export type FigureUnit = (typeof figureUnits)[number];
export const figureUnitSchema = z.enum(figureUnits).meta({ id: 'FigureUnit' });

export const declaredFigureInputSchema = z.strictObject({
  // numeric(16, 2) in the table: anything beyond would not be stored as given.
  value: z.number().finite().min(0).max(99_999_999_999_999),
  unit: figureUnitSchema,
  label: z.string().trim().min(1).max(300),
  source: z.string().trim().min(1).max(1000),
});
export type DeclaredFigureInput = z.infer<typeof declaredFigureInputSchema>;

export const figureParamsSchema = z.object({ year: yearSchema, key: figureKeySchema });
export const yearQuerySchema = z.object({ year: yearSchema });

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

/** A total a source states (the yearly report's "101 stagiaires"), with that source. */
export const declaredFigureSchema = z
  .object({
    year: z.number().int(),
    key: z.string(),
    value: z.number(),
    unit: figureUnitSchema,
    label: z.string(),
    source: z.string(),
    // The service gives it as an ISO string already (reports and other modules read it so).
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'DeclaredFigure' });

export const declaredFiguresSchema = z
  .object({ year: z.number().int(), items: z.array(declaredFigureSchema) })
  .meta({ id: 'DeclaredFigures' });
