import type { listAssessments } from './assessments.service.ts';
import type { listCertifications } from './certifications.service.ts';
import type { listCohorts } from './cohorts.service.ts';
import type { listProgressActions } from './progress-actions.service.ts';
import {
  ACTION_STATUS_LABELS,
  AUDIT_KIND_LABELS,
  AUDIT_RESULT_LABELS,
  type Column,
  DATE,
  day,
  STATUS_LABELS,
  text,
} from './quality-approaches.export.ts';

type Certification = Awaited<ReturnType<typeof listCertifications>>[number];
type Assessment = Awaited<ReturnType<typeof listAssessments>>[number];
type ProgressAction = Awaited<ReturnType<typeof listProgressActions>>[number];
type Cohort = Awaited<ReturnType<typeof listCohorts>>[number];

const lastAudit = (c: Certification) => c.audits.at(-1);

export const certificationColumns: Column<Certification>[] = [
  { header: 'Titulaire', width: 32, value: (c) => c.organisationName ?? 'La délégation' },
  { header: 'Certification ou label', width: 32, value: (c) => c.label },
  { header: 'Organisme', width: 20, value: (c) => text(c.body) },
  { header: 'Statut', width: 12, value: (c) => STATUS_LABELS[c.status] },
  { header: 'Obtenue le', width: 12, format: DATE, value: (c) => day(c.obtainedOn) },
  { header: 'Expire le', width: 12, format: DATE, value: (c) => day(c.expiresOn) },
  { header: 'Jours avant expiration', width: 12, format: '0', value: (c) => c.daysToExpiry },
  {
    header: 'Dernier audit',
    width: 16,
    value: (c) => {
      const a = lastAudit(c);
      return a ? AUDIT_KIND_LABELS[a.kind] : null;
    },
  },
  { header: 'Date du dernier audit', width: 12, format: DATE, value: (c) => day(lastAudit(c)?.heldOn) },
  {
    header: 'Résultat',
    width: 18,
    value: (c) => {
      const a = lastAudit(c);
      return a ? AUDIT_RESULT_LABELS[a.result] : null;
    },
  },
  { header: 'Note', width: 40, value: (c) => text(c.note) },
  { header: 'Source', width: 40, value: (c) => text(c.source) },
];

/** One column per pillar met in the assessments listed, labelled by its id. */
export function assessmentColumns(rows: Assessment[]): Column<Assessment>[] {
  const pillars = [...new Set(rows.flatMap((r) => Object.keys(r.scores)))].sort();
  return [
    { header: 'Adhérent', width: 32, value: (a) => a.organisationName },
    { header: 'Grille', width: 30, value: (a) => a.gridName },
    { header: 'Date', width: 12, format: DATE, value: (a) => day(a.assessedOn) },
    { header: 'État', width: 12, value: (a) => (a.status === 'done' ? 'Terminée' : 'Brouillon') },
    ...pillars.map((p) => ({
      header: `Score ${p}`,
      width: 14,
      format: '0',
      value: (a: Assessment) => a.scores[p] ?? null,
    })),
  ];
}

export const progressActionColumns: Column<ProgressAction>[] = [
  { header: 'Adhérent', width: 32, value: (a) => a.organisationName },
  { header: 'Action', width: 48, value: (a) => a.title },
  { header: 'Critère', width: 18, value: (a) => text(a.criterionId) },
  { header: 'Responsable', width: 22, value: (a) => text(a.owner) },
  { header: 'Échéance', width: 12, format: DATE, value: (a) => day(a.dueOn) },
  { header: 'État', width: 12, value: (a) => ACTION_STATUS_LABELS[a.status] },
];

export const cohortColumns: Column<Cohort>[] = [
  { header: 'Groupe', width: 30, value: (c) => c.name },
  { header: 'Référentiel', width: 18, value: (c) => c.programme },
  { header: 'Début', width: 12, format: DATE, value: (c) => day(c.startsOn) },
  { header: 'Adhérents', width: 10, format: '0', value: (c) => c.members.length },
  { header: 'Liste des adhérents', width: 50, value: (c) => text(c.members.map((m) => m.name).join(', ')) },
  { header: 'Séances', width: 10, format: '0', value: (c) => c.sessions.length },
  { header: 'Description', width: 60, value: (c) => text(c.description) },
  { header: 'Source', width: 40, value: (c) => text(c.source) },
];
