import { useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import { type FormValues, textValues, toPatchBody } from '../../ui/formValues';
import { type Funder, fundersKeys, saveFunder } from './api';
import { conventionTypeOptions, funderKindOptions, splitList } from './labels';

const fields: FieldSpec[] = [
  { name: 'name', kind: 'text', label: t('funders.field.name'), required: true },
  {
    name: 'kind',
    kind: 'select',
    label: t('funders.field.kind'),
    required: true,
    options: funderKindOptions,
  },
  {
    name: 'themes',
    kind: 'text',
    label: t('funders.field.themes'),
    description: t('funders.field.listHint'),
  },
  {
    name: 'territories',
    kind: 'text',
    label: t('funders.field.territories'),
    description: t('funders.field.territoriesHint'),
  },
  {
    name: 'beneficiaryTypes',
    kind: 'multiselect',
    label: t('funders.field.beneficiaryTypes'),
    description: t('funders.field.beneficiaryTypesHint'),
    options: conventionTypeOptions,
  },
  { name: 'amountMin', kind: 'text', label: t('funders.field.amountMin') },
  { name: 'amountMax', kind: 'text', label: t('funders.field.amountMax') },
  { name: 'deadlines', kind: 'text', label: t('funders.field.deadlines') },
  { name: 'website', kind: 'url', label: t('funders.field.website') },
  { name: 'lastCheckedOn', kind: 'date', label: t('funders.field.lastCheckedOn') },
  { name: 'note', kind: 'textarea', label: t('funders.field.note') },
  { name: 'source', kind: 'text', label: t('funders.field.source') },
];
const keys = [
  'name',
  'kind',
  'beneficiaryTypes',
  'deadlines',
  'website',
  'lastCheckedOn',
  'note',
  'source',
] as const;

function toValues(funder: Funder | null): FormValues {
  if (!funder) return { name: '', kind: '', themes: '', territories: '', beneficiaryTypes: [] };
  return {
    ...textValues(funder, keys),
    themes: funder.themes.join(', '),
    territories: funder.territories.join(', '),
    amountMin: funder.amountMin === null ? '' : String(funder.amountMin),
    amountMax: funder.amountMax === null ? '' : String(funder.amountMax),
  };
}

// An amount typed "5 000" or "5000,50" is sent as a number; anything else is sent as typed so
// the server refuses it next to the field.
function amount(text: string): number | string | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : text;
}

/** The body the API expects from the form's texts: lists split, amounts as numbers, empty texts as null. */
function toBody(values: FormValues, initial: FormValues | null): Record<string, unknown> {
  const changed = initial ? toPatchBody(values, initial) : values;
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changed)) {
    const text = typeof value === 'string' ? value.trim() : value;
    if (key === 'themes' || key === 'territories') body[key] = splitList(String(text ?? ''));
    else if (key === 'amountMin' || key === 'amountMax') body[key] = amount(String(text ?? ''));
    else if (text === '' || text === null) body[key] = initial ? null : undefined;
    else body[key] = text;
  }
  return body;
}

interface Props {
  /** undefined: closed; null: a new funder; a funder: editing it. */
  editing: Funder | null | undefined;
  onClose: () => void;
}

/** Create or edit an entry of the guide; the server's refusals show next to the fields. */
export function FunderDialog({ editing, onClose }: Props) {
  const queryClient = useQueryClient();
  const initial = toValues(editing ?? null);
  const submit = async (values: FormValues) => {
    const body = toBody(values, editing ? initial : null);
    if (editing && Object.keys(body).length === 0) return;
    await saveFunder(editing ? editing.id : null, body);
    await queryClient.invalidateQueries({ queryKey: fundersKeys.all });
  };
  return (
    <FormModal
      opened={editing !== undefined}
      title={editing ? t('funders.edit') : t('funders.create')}
      fields={fields}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
