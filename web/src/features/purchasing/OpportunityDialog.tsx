import { useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import { type FormValues, textValues } from '../../ui/formValues';
import { type Buyer, type Opportunity, purchasingKeys, saveOpportunity } from './api';
import { kindOptions, splitList, statusOptions, typedNumber } from './labels';

const keys = ['buyerId', 'title', 'kind', 'town', 'department', 'deadline', 'description', 'status'] as const;

function toValues(opportunity: Opportunity | null): FormValues {
  if (!opportunity) return { buyerId: '', title: '', kind: '', status: 'open', activities: '', amount: '' };
  return {
    ...textValues(opportunity, keys),
    activities: opportunity.activities.join(', '),
    amount: opportunity.amount === null ? '' : String(opportunity.amount),
  };
}

/** The whole record as the API's PUT expects it: lists split, the amount as a number, empty texts as null. */
function toBody(values: FormValues) {
  const body: Record<string, unknown> = {};
  for (const key of keys) {
    const value = String(values[key] ?? '').trim();
    body[key] = value === '' ? null : value;
  }
  body.activities = splitList(String(values.activities ?? ''));
  body.amount = typedNumber(String(values.amount ?? ''));
  return body;
}

interface Props {
  /** undefined: closed; null: a new opportunity; an opportunity: editing it. */
  editing: Opportunity | null | undefined;
  buyers: Buyer[];
  onClose: () => void;
}

export function OpportunityDialog({ editing, buyers, onClose }: Props) {
  const queryClient = useQueryClient();
  const fields: FieldSpec[] = [
    {
      name: 'buyerId',
      kind: 'select',
      label: t('purchasing.opportunity.buyer'),
      required: true,
      options: buyers.map((b) => ({ value: b.id, label: b.name })),
    },
    { name: 'title', kind: 'text', label: t('purchasing.opportunity.title'), required: true },
    {
      name: 'kind',
      kind: 'select',
      label: t('purchasing.opportunity.kind'),
      required: true,
      options: kindOptions,
    },
    {
      name: 'activities',
      kind: 'text',
      label: t('purchasing.opportunity.activities'),
      description: t('purchasing.opportunity.activitiesHint'),
    },
    { name: 'amount', kind: 'text', label: t('purchasing.opportunity.amount'), inputMode: 'numeric' },
    { name: 'town', kind: 'text', label: t('purchasing.opportunity.town') },
    {
      name: 'department',
      kind: 'text',
      label: t('purchasing.opportunity.department'),
      description: t('purchasing.opportunity.departmentHint'),
    },
    { name: 'deadline', kind: 'date', label: t('purchasing.opportunity.deadline') },
    {
      name: 'status',
      kind: 'select',
      label: t('purchasing.opportunity.status'),
      required: true,
      options: statusOptions,
    },
    { name: 'description', kind: 'textarea', label: t('purchasing.opportunity.description') },
  ];
  const submit = async (values: FormValues) => {
    await saveOpportunity(editing ? editing.id : null, toBody(values));
    await queryClient.invalidateQueries({ queryKey: purchasingKeys.all });
  };
  return (
    <FormModal
      opened={editing !== undefined}
      title={editing ? t('purchasing.opportunities.edit') : t('purchasing.opportunities.create')}
      fields={fields}
      initialValues={toValues(editing ?? null)}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
