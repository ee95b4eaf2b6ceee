import { useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import { type FormValues, submitPatch, textValues, toCreateBody } from '../../ui/formValues';
import { actionsKeys, type Partner, savePartner } from './api';
import { partnerKindOptions } from './labels';

const fields: FieldSpec[] = [
  { name: 'name', kind: 'text', label: t('actions.partner.name'), required: true },
  {
    name: 'kind',
    kind: 'select',
    label: t('actions.partner.kind'),
    required: true,
    options: partnerKindOptions,
  },
  {
    name: 'department',
    kind: 'text',
    label: t('actions.partner.department'),
    description: t('actions.partner.departmentHint'),
  },
  { name: 'website', kind: 'url', label: t('actions.partner.website') },
  {
    name: 'thanked',
    kind: 'checkbox',
    label: t('actions.partner.thanked'),
    description: t('actions.partner.thankedHint'),
  },
  { name: 'note', kind: 'textarea', label: t('actions.partner.note') },
];
const keys = ['name', 'kind', 'department', 'website', 'thanked', 'note'] as const;

interface Props {
  /** undefined: closed; null: a new partner; a partner: editing it. */
  editing: Partner | null | undefined;
  onClose: () => void;
  onSaved?: (partner: Partner) => void;
  /** A name to start a new partner with (what was typed in a picker). */
  initialName?: string;
}

/** Create or edit a partner of the registry; the server's refusals show next to the fields. */
export function PartnerDialog({ editing, onClose, onSaved, initialName }: Props) {
  const queryClient = useQueryClient();
  const initial: FormValues = editing
    ? textValues(editing, keys)
    : { name: initialName ?? '', kind: '', thanked: false };
  const submit = async (values: FormValues) => {
    let saved: Partner | undefined;
    if (editing)
      await submitPatch(values, initial, async (body) => {
        saved = await savePartner(editing.id, body);
      });
    else saved = await savePartner(null, { thanked: false, ...toCreateBody(values) });
    await queryClient.invalidateQueries({ queryKey: actionsKeys.partners });
    // Actions show partner names: a renamed partner must show its new name there too.
    await queryClient.invalidateQueries({ queryKey: actionsKeys.all });
    if (saved) onSaved?.(saved);
  };
  return (
    <FormModal
      opened={editing !== undefined}
      title={editing ? t('actions.partner.edit') : t('actions.partner.create')}
      fields={fields}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
