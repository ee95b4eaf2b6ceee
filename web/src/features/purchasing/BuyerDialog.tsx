import { useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import { type FormValues, textValues } from '../../ui/formValues';
import { type Buyer, purchasingKeys, saveBuyer } from './api';
import { sectorOptions } from './labels';

const fields: FieldSpec[] = [
  { name: 'name', kind: 'text', label: t('purchasing.buyer.name'), required: true },
  {
    name: 'sector',
    kind: 'select',
    label: t('purchasing.buyer.sector'),
    required: true,
    options: sectorOptions,
  },
  { name: 'contactName', kind: 'text', label: t('purchasing.buyer.contactName') },
  { name: 'contactEmail', kind: 'email', label: t('purchasing.buyer.contactEmail') },
  { name: 'contactPhone', kind: 'tel', label: t('purchasing.buyer.contactPhone') },
  { name: 'note', kind: 'textarea', label: t('purchasing.buyer.note') },
  { name: 'source', kind: 'text', label: t('purchasing.buyer.source') },
];
const keys = ['name', 'sector', 'contactName', 'contactEmail', 'contactPhone', 'note', 'source'] as const;

/** The whole record as the API's PUT expects it: trimmed texts, empty ones as null. */
function toBody(values: FormValues) {
  const body: Record<string, unknown> = {};
  for (const key of keys) {
    const value = String(values[key] ?? '').trim();
    body[key] = value === '' ? null : value;
  }
  return body;
}

interface Props {
  /** undefined: closed; null: a new buyer; a buyer: editing it. */
  editing: Buyer | null | undefined;
  onClose: () => void;
}

export function BuyerDialog({ editing, onClose }: Props) {
  const queryClient = useQueryClient();
  const initial = editing ? textValues(editing, keys) : { name: '', sector: '' };
  const submit = async (values: FormValues) => {
    await saveBuyer(editing ? editing.id : null, toBody(values));
    await queryClient.invalidateQueries({ queryKey: purchasingKeys.all });
  };
  return (
    <FormModal
      opened={editing !== undefined}
      title={editing ? t('purchasing.buyers.edit') : t('purchasing.buyers.create')}
      fields={fields}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
