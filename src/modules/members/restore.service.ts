import { and, eq, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import { auditLog } from '../audit/audit.table.ts';
import type { Viewer } from './members.queries.ts';
import {
  getOrganisation,
  updateContact,
  updateEstablishment,
  updateMembership,
  updateOrganisation,
} from './members.service.ts';

type Apply = (tx: Tx, viewer: Viewer, id: string, patch: Record<string, unknown>) => Promise<unknown>;

// What a history line can give back: the columns each editing form owns (database name →
// API name), applied through the same use case as the form, so the same checks run and
// the restore is itself audited like any edit.
const restorable: Record<string, { columns: Record<string, string>; apply: Apply }> = {
  organisations: {
    columns: {
      name: 'name',
      siren: 'siren',
      legal_form: 'legalForm',
      website: 'website',
      description: 'description',
      note: 'note',
    },
    apply: (tx, viewer, id, patch) => updateOrganisation(tx, viewer, id, patch),
  },
  establishments: {
    columns: {
      name: 'name',
      siret: 'siret',
      address: 'address',
      postcode: 'postcode',
      city: 'city',
      department: 'department',
      phone: 'phone',
      email: 'email',
      website: 'website',
    },
    apply: (tx, viewer, id, patch) => updateEstablishment(tx, viewer, id, patch),
  },
  membership_periods: {
    columns: { left_on: 'leftOn', leave_reason: 'leaveReason' },
    apply: (tx, _viewer, id, patch) => updateMembership(tx, id, patch),
  },
  contacts: {
    columns: {
      first_name: 'firstName',
      last_name: 'lastName',
      job_title: 'jobTitle',
      email: 'email',
      phone: 'phone',
      purpose: 'purpose',
      consent: 'consent',
    },
    apply: (tx, _viewer, id, patch) => updateContact(tx, id, patch),
  },
};

/** Gives a field the value it had before one change of the organisation's history. */
export async function restorePreviousValue(
  tx: Tx,
  viewer: Viewer,
  organisationId: string,
  entryId: number,
  field: string,
) {
  const [entry] = await tx
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.id, entryId),
        or(eq(auditLog.organisationId, organisationId), eq(auditLog.recordId, organisationId)),
      ),
    );
  if (!entry) throw new AppError('history.entry_not_found');
  const spec = restorable[entry.tableName];
  const before = entry.before as Record<string, unknown> | null;
  if (entry.action !== 'update' || !spec || !before || 'erased' in before) {
    throw new AppError('history.not_restorable');
  }
  const apiField = spec.columns[field];
  if (!apiField || !(field in before)) {
    throw new AppError('history.field_not_restorable', {
      fields: [
        {
          field: 'field',
          code: 'history.field_not_restorable',
          message: 'Ce champ ne peut pas être rétabli.',
        },
      ],
    });
  }
  await spec.apply(tx, viewer, entry.recordId, { [apiField]: before[field] ?? null });
  return getOrganisation(tx, viewer, organisationId);
}
