import { t } from '../../i18n';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import { type FormValues, submitPatch, textValues, toCreateBody } from '../../ui/formValues';
import { type PracticeGroup, type PracticeGroupSummary, saveGroup } from './api';

interface Props {
  /** undefined: closed; null: a new group; a group: edit it. */
  group: PracticeGroup | PracticeGroupSummary | null | undefined;
  onClose: () => void;
  onSaved: (group: PracticeGroup) => Promise<unknown>;
}

const keys = ['name', 'audience', 'description', 'active'] as const;

export function GroupDialog({ group, onClose, onSaved }: Props) {
  const fields: FieldSpec[] = [
    { name: 'name', kind: 'text', label: t('practice.group.name'), required: true },
    {
      name: 'audience',
      kind: 'text',
      label: t('practice.group.audience'),
      description: t('practice.group.audienceHint'),
    },
    { name: 'description', kind: 'textarea', label: t('practice.group.description') },
  ];
  if (group) fields.push({ name: 'active', kind: 'checkbox', label: t('practice.group.active') });
  const initial: FormValues = group ? textValues(group, keys) : { name: '', audience: '', description: '' };
  const submit = async (values: FormValues) => {
    if (!group) {
      await onSaved(await saveGroup(null, toCreateBody(values)));
      return;
    }
    await submitPatch(values, initial, async (body) => onSaved(await saveGroup(group.id, body)));
  };
  return (
    <FormModal
      opened={group !== undefined}
      title={group ? t('practice.group.edit') : t('practice.group.add')}
      fields={fields}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
