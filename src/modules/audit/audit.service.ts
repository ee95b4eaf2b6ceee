import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { auditLog } from './audit.table.ts';

export interface HistoryEntry {
  id: number;
  at: string;
  /** The author's name and role when the change was made (stored by the audit trigger). */
  actorName: string | null;
  actorRole: string | null;
  tableName: string;
  recordId: string;
  action: 'insert' | 'update' | 'delete';
  changes: { field: string; before: unknown; after: unknown }[];
}

// Columns that change on every write and say nothing to a reader.
// token_hash: an invitation's credential, never shown even hashed.
const noise = new Set(['updated_at', 'created_at', 'search_name', 'delegation_id', 'id', 'token_hash']);

/** Field-by-field differences of one audit row, in the database's column names. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: HistoryEntry['changes'] = [];
  for (const key of keys) {
    if (noise.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field: key, before: b, after: a });
  }
  return changes;
}

/** An audit line as a history reads it. */
export const auditColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorName: auditLog.actorName,
  actorRole: auditLog.actorRole,
  tableName: auditLog.tableName,
  recordId: auditLog.recordId,
  action: auditLog.action,
  before: auditLog.before,
  after: auditLog.after,
};

/**
 * The history of a record and of the rows that belong to it (an organisation's
 * establishments, conventions, contacts…), newest first. Reads run under the
 * tenant's row-level security like any other query.
 */
export async function recordHistory(
  tx: Tx,
  recordId: string,
  options: { tables?: readonly string[]; limit?: number } = {},
): Promise<HistoryEntry[]> {
  const scope = or(eq(auditLog.recordId, recordId), eq(auditLog.organisationId, recordId));
  const rows = await tx
    .select(auditColumns)
    .from(auditLog)
    .where(options.tables ? and(scope, inArray(auditLog.tableName, [...options.tables])) : scope)
    .orderBy(desc(auditLog.id))
    .limit(options.limit ?? 200);
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorName: row.actorName,
    actorRole: row.actorRole,
    tableName: row.tableName,
    recordId: row.recordId,
    action: row.action,
    changes: diff(row.before as Record<string, unknown> | null, row.after as Record<string, unknown> | null),
  }));
}
