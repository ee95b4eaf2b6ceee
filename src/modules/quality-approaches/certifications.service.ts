import { and, asc, count, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { addDays } from '../../lib/paris-time.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { declaredFigure } from '../figures/figures.service.ts';
import { organisations } from '../members/members.table.ts';
import { checkOwn, scopeOf, type Viewer } from './access.ts';
import type { AuditInput, CertificationInput } from './quality-approaches.schemas.ts';
import { certificationAudits, certifications } from './quality-approaches.table.ts';

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
export const todayIso = () => new Date().toISOString().slice(0, 10);

export async function listCertifications(
  tx: Tx,
  viewer: Viewer,
  query: { organisationId?: string; expiringWithinDays?: number; today?: string },
) {
  const organisationId = scopeOf(viewer, query.organisationId);
  const today = query.today ?? todayIso();
  const filters = [];
  if (organisationId) filters.push(eq(certifications.organisationId, organisationId));
  if (query.expiringWithinDays !== undefined) {
    // An alert: a certification still held whose expiry is near (or already passed).
    filters.push(eq(certifications.status, 'certified'));
    filters.push(isNotNull(certifications.expiresOn));
    filters.push(lte(certifications.expiresOn, addDays(today, query.expiringWithinDays)));
  }
  const rows = await tx
    .select({ certification: certifications, organisationName: organisations.name })
    .from(certifications)
    .leftJoin(organisations, eq(organisations.id, certifications.organisationId))
    .where(and(...filters))
    .orderBy(asc(certifications.expiresOn), asc(certifications.label));
  const ids = rows.map((r) => r.certification.id);
  const audits =
    ids.length === 0
      ? []
      : await tx
          .select()
          .from(certificationAudits)
          .where(inArray(certificationAudits.certificationId, ids))
          .orderBy(asc(certificationAudits.heldOn));
  return rows.map(({ certification, organisationName }) => ({
    ...certification,
    organisationName,
    daysToExpiry: certification.expiresOn ? daysBetween(today, certification.expiresOn) : null,
    audits: audits.filter((a) => a.certificationId === certification.id),
  }));
}

async function checkCertification(tx: Tx, input: Partial<CertificationInput>) {
  const problems = [];
  if (input.obtainedOn && input.expiresOn && input.expiresOn < input.obtainedOn)
    problems.push({ field: 'expiresOn', code: 'qualityApproaches.expiry_before_obtained' });
  if (input.organisationId) {
    const [found] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!found) problems.push({ field: 'organisationId', code: 'qualityApproaches.organisation_unknown' });
  }
  if (problems.length > 0) throw invalidFields(problems);
}

export async function getCertification(tx: Tx, viewer: Viewer, id: string) {
  const [row] = await tx.select().from(certifications).where(eq(certifications.id, id));
  if (!row) throw new AppError('qualityApproaches.certification_not_found');
  checkOwn(viewer, row.organisationId, 'qualityApproaches.certification_not_found');
  const audits = await tx
    .select()
    .from(certificationAudits)
    .where(eq(certificationAudits.certificationId, id))
    .orderBy(asc(certificationAudits.heldOn));
  return { ...row, audits };
}

export async function createCertification(tx: Tx, input: CertificationInput) {
  await checkCertification(tx, input);
  const [row] = await tx.insert(certifications).values(input).returning();
  if (!row) throw new AppError('internal');
  return row;
}

export async function updateCertification(tx: Tx, id: string, input: CertificationInput) {
  await checkCertification(tx, input);
  const [row] = await tx
    .update(certifications)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(certifications.id, id))
    .returning();
  if (!row) throw new AppError('qualityApproaches.certification_not_found');
  return row;
}

export async function deleteCertification(tx: Tx, id: string) {
  const [row] = await tx
    .delete(certifications)
    .where(eq(certifications.id, id))
    .returning({ id: certifications.id });
  if (!row) throw new AppError('qualityApproaches.certification_not_found');
}

export async function addAudit(tx: Tx, certificationId: string, input: AuditInput) {
  const [certification] = await tx
    .select({ id: certifications.id })
    .from(certifications)
    .where(eq(certifications.id, certificationId));
  if (!certification) throw new AppError('qualityApproaches.certification_not_found');
  const [row] = await tx
    .insert(certificationAudits)
    .values({ ...input, certificationId })
    .returning();
  if (!row) throw new AppError('internal');
  return row;
}

export async function updateAudit(tx: Tx, id: string, input: AuditInput) {
  const [row] = await tx
    .update(certificationAudits)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(certificationAudits.id, id))
    .returning();
  if (!row) throw new AppError('qualityApproaches.audit_not_found');
  return row;
}

export async function deleteAudit(tx: Tx, id: string) {
  const [row] = await tx
    .delete(certificationAudits)
    .where(eq(certificationAudits.id, id))
    .returning({ id: certificationAudits.id });
  if (!row) throw new AppError('qualityApproaches.audit_not_found');
}

/**
 * Renewals of a year for the activity report: members' certifications with a follow-up
 * or renewal audit passed that year (counted from the records), next to the figure the
 * sources declare (`certificationRenewals`), never added together.
 */
export async function certificationStats(tx: Tx, year: number) {
  const [counted] = await tx
    .select({ n: count() })
    .from(certificationAudits)
    .innerJoin(certifications, eq(certifications.id, certificationAudits.certificationId))
    .where(
      and(
        isNotNull(certifications.organisationId),
        inArray(certificationAudits.kind, ['follow_up', 'renewal']),
        inArray(certificationAudits.result, ['passed', 'passed_with_reservations']),
        gte(certificationAudits.heldOn, `${year}-01-01`),
        lte(certificationAudits.heldOn, `${year}-12-31`),
      ),
    );
  return {
    year,
    certificationRenewals: counted?.n ?? 0,
    declared: await declaredFigure(tx, year, 'certificationRenewals'),
  };
}
