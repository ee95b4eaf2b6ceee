import { z } from 'zod';

/** One change of a record as its history shows it: who, when, which fields from what to what. */
export const historyEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime({ offset: true }),
    /** The author's name and role when the change was made (stored by the audit trigger). */
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    tableName: z.string(),
    recordId: z.string(),
    action: z.enum(['insert', 'update', 'delete']),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'HistoryEntry' });

export const historySchema = z.object({ items: z.array(historyEntrySchema) }).meta({ id: 'History' });
