import { useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n';
import type { FieldSpec, Option } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import { type FormValues, textValues } from '../../ui/formValues';
import { useOrganisationOptions } from '../governance/options';
import {
  addAudit,
  type Certification,
  type Cohort,
  type ProgressAction,
  qualityKeys,
  saveCertification,
  saveCohort,
  saveProgressAction,
} from './api';

const options = <K extends string>(values: readonly K[], label: (v: K) => string): Option[] =>
  values.map((value) => ({ value, label: label(value) }));

/** The whole record as the API's PUT wants it: texts trimmed, empty ones as null. */
export function fullBody(values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const text = typeof value === 'string' ? value.trim() : value;
    body[key] = text === '' ? null : text;
  }
  return body;
}

const statusOptions = options(['in_progress', 'certified', 'expired', 'withdrawn'] as const, (s) =>
  t(`qualityApproaches.status.${s}`),
);

interface EditProps<T> {
  /** undefined: closed; null: a new record; a record: editing it. */
  editing: T | null | undefined;
  onClose: () => void;
}

const certKeys = ['label', 'body', 'status', 'obtainedOn', 'expiresOn', 'note', 'source'] as const;

/** A member's certification, or the delegation's own when no member is chosen. */
export function CertificationDialog({ editing, onClose }: EditProps<Certification>) {
  const queryClient = useQueryClient();
  const organisations = useOrganisationOptions(editing !== undefined);
  const fields: FieldSpec[] = [
    {
      name: 'organisationId',
      kind: 'select',
      label: t('qualityApproaches.cert.holder'),
      description: t('qualityApproaches.field.organisationIdHint'),
      options: [{ value: '', label: t('qualityApproaches.cert.delegation') }, ...organisations],
    },
    { name: 'label', kind: 'text', label: t('qualityApproaches.field.label'), required: true },
    { name: 'body', kind: 'text', label: t('qualityApproaches.field.body') },
    {
      name: 'status',
      kind: 'select',
      label: t('qualityApproaches.field.status'),
      required: true,
      options: statusOptions,
    },
    { name: 'obtainedOn', kind: 'date', label: t('qualityApproaches.field.obtainedOn') },
    { name: 'expiresOn', kind: 'date', label: t('qualityApproaches.field.expiresOn') },
    { name: 'note', kind: 'textarea', label: t('qualityApproaches.field.note') },
    { name: 'source', kind: 'textarea', label: t('qualityApproaches.field.source') },
  ];
  const initial: FormValues = editing
    ? { ...textValues(editing, certKeys), organisationId: editing.organisationId ?? '' }
    : { organisationId: '', label: '', status: 'certified' };
  const submit = async (values: FormValues) => {
    await saveCertification(editing ? editing.id : null, fullBody(values));
    await queryClient.invalidateQueries({ queryKey: qualityKeys.all });
  };
  return (
    <FormModal
      opened={editing !== undefined}
      title={editing ? t('qualityApproaches.cert.edit') : t('qualityApproaches.cert.create')}
      fields={fields}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}

const auditFields: FieldSpec[] = [
  {
    name: 'kind',
    kind: 'select',
    label: t('qualityApproaches.audit.kind'),
    required: true,
    options: options(['initial', 'follow_up', 'renewal'] as const, (k) =>
      t(`qualityApproaches.audit.kind.${k}`),
    ),
  },
  { name: 'heldOn', kind: 'date', label: t('qualityApproaches.audit.heldOn'), required: true },
  {
    name: 'datePrecision',
    kind: 'select',
    label: t('qualityApproaches.audit.datePrecision'),
    options: options(['day', 'month', 'year'] as const, (p) => t(`qualityApproaches.precision.${p}`)),
  },
  {
    name: 'result',
    kind: 'select',
    label: t('qualityApproaches.audit.result'),
    required: true,
    options: options(['pending', 'passed', 'passed_with_reservations', 'failed'] as const, (r) =>
      t(`qualityApproaches.audit.result.${r}`),
    ),
  },
  { name: 'note', kind: 'textarea', label: t('qualityApproaches.field.note') },
  { name: 'source', kind: 'textarea', label: t('qualityApproaches.field.source') },
];

export function AuditDialog({
  certification,
  onClose,
}: {
  certification: Certification | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const submit = async (values: FormValues) => {
    if (!certification) return;
    await addAudit(certification.id, fullBody(values));
    await queryClient.invalidateQueries({ queryKey: qualityKeys.all });
  };
  return (
    <FormModal
      opened={certification !== null}
      title={t('qualityApproaches.audit.addTo', { name: certification?.label ?? '' })}
      fields={auditFields}
      initialValues={{ kind: 'follow_up', heldOn: '', datePrecision: 'day', result: 'passed' }}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}

const cohortFields: FieldSpec[] = [
  { name: 'name', kind: 'text', label: t('qualityApproaches.cohort.name'), required: true },
  { name: 'programme', kind: 'text', label: t('qualityApproaches.cohort.programme'), required: true },
  { name: 'startsOn', kind: 'date', label: t('qualityApproaches.cohort.startsOn') },
  { name: 'description', kind: 'textarea', label: t('qualityApproaches.cohort.description') },
  { name: 'source', kind: 'textarea', label: t('qualityApproaches.field.source') },
];
const cohortKeys = ['name', 'programme', 'startsOn', 'description', 'source'] as const;

export function CohortDialog({ editing, onClose }: EditProps<Cohort>) {
  const queryClient = useQueryClient();
  const submit = async (values: FormValues) => {
    await saveCohort(editing ? editing.id : null, fullBody(values));
    await queryClient.invalidateQueries({ queryKey: qualityKeys.cohorts });
  };
  return (
    <FormModal
      opened={editing !== undefined}
      title={editing ? t('qualityApproaches.cohort.edit') : t('qualityApproaches.cohort.create')}
      fields={cohortFields}
      initialValues={editing ? textValues(editing, cohortKeys) : { name: '', programme: 'CAP RSE' }}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}

const actionFields = (criteria: Option[]): FieldSpec[] => [
  { name: 'title', kind: 'text', label: t('qualityApproaches.plan.titleField'), required: true },
  {
    name: 'criterionId',
    kind: 'select',
    label: t('qualityApproaches.plan.criterion'),
    options: [{ value: '', label: '—' }, ...criteria],
  },
  { name: 'owner', kind: 'text', label: t('qualityApproaches.plan.owner') },
  { name: 'dueOn', kind: 'date', label: t('qualityApproaches.plan.dueOn') },
  {
    name: 'status',
    kind: 'select',
    label: t('qualityApproaches.plan.status'),
    required: true,
    options: options(['planned', 'in_progress', 'done', 'dropped'] as const, (s) =>
      t(`qualityApproaches.plan.status.${s}`),
    ),
  },
];
const actionKeys = ['title', 'criterionId', 'owner', 'dueOn', 'status'] as const;

/** A step of the member's progress plan; the server ties it to the member's own organisation. */
export function ProgressActionDialog({
  editing,
  onClose,
  criteria,
  assessmentId,
}: EditProps<ProgressAction> & { criteria: Option[]; assessmentId: string | null }) {
  const queryClient = useQueryClient();
  const submit = async (values: FormValues) => {
    const body = fullBody(values);
    if (!editing && assessmentId) body.assessmentId = assessmentId;
    await saveProgressAction(editing ? editing.id : null, body);
    await queryClient.invalidateQueries({ queryKey: qualityKeys.actions });
  };
  return (
    <FormModal
      opened={editing !== undefined}
      title={editing ? t('qualityApproaches.plan.edit') : t('qualityApproaches.plan.create')}
      fields={actionFields(criteria)}
      initialValues={editing ? textValues(editing, actionKeys) : { title: '', status: 'planned' }}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
