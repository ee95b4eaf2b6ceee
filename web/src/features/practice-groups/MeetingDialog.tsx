import { t } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { type FormValues, toCreateBody } from '../../ui/formValues';
import { createMeeting, type PracticeGroup } from './api';

interface Props {
  group: PracticeGroup;
  opened: boolean;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

/** A new meeting of the group: a day, a place (or online), and whether the public calendar shows it. */
export function MeetingDialog({ group, opened, onClose, onSaved }: Props) {
  const submit = async (values: FormValues) => {
    await createMeeting(group.id, toCreateBody(values));
    await onSaved();
  };
  return (
    <FormModal
      opened={opened}
      title={t('practice.meeting.addTo', { name: group.name })}
      fields={[
        { name: 'startsOn', kind: 'date', label: t('practice.meeting.date'), required: true },
        {
          name: 'startTime',
          kind: 'text',
          label: t('practice.meeting.startTime'),
          description: t('practice.meeting.timeHint'),
        },
        {
          name: 'endTime',
          kind: 'text',
          label: t('practice.meeting.endTime'),
          description: t('practice.meeting.timeHint'),
        },
        { name: 'online', kind: 'checkbox', label: t('practice.meeting.online') },
        { name: 'town', kind: 'text', label: t('practice.meeting.town') },
        {
          name: 'department',
          kind: 'text',
          label: t('practice.meeting.department'),
          description: t('practice.meeting.departmentHint'),
        },
        {
          name: 'title',
          kind: 'text',
          label: t('practice.meeting.title'),
          description: t('practice.meeting.titleHint', { title: `Rencontre du ${group.name}` }),
        },
        { name: 'summary', kind: 'textarea', label: t('practice.meeting.summary') },
        {
          name: 'visibility',
          kind: 'select',
          label: t('practice.meeting.visibility'),
          required: true,
          options: [
            { value: 'internal', label: t('practice.meeting.visibility.internal') },
            { value: 'public', label: t('practice.meeting.visibility.public') },
          ],
        },
      ]}
      initialValues={{
        startsOn: '',
        startTime: '',
        endTime: '',
        online: false,
        town: '',
        department: '',
        title: '',
        summary: '',
        visibility: 'internal',
      }}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.add')}
    />
  );
}
