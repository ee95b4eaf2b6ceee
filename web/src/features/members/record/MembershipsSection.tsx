import { useState } from 'react';
import { t } from '../../../i18n';
import type { Column } from '../../../ui/DataTable';
import type { FieldSpec } from '../../../ui/FormField';
import { FormModal } from '../../../ui/FormModal';
import { formatDate, orDash } from '../../../ui/format';
import { type FormValues, submitPatch, textValues, toCreateBody } from '../../../ui/formValues';
import type { RecordWrites } from '../api';
import type { MembershipPeriod, Organisation } from '../types';
import { EditRowButton, RecordTableSection } from './RecordTableSection';

const endFields: FieldSpec[] = [
  { name: 'leftOn', label: t('members.membership.leftOn'), kind: 'date' },
  { name: 'leaveReason', label: t('members.membership.leaveReason'), kind: 'text' },
];
// A period's start is fixed once recorded (it is what the history counts from); only its end is edited.
const newFields: FieldSpec[] = [
  { name: 'joinedOn', label: t('members.membership.joinedOn'), kind: 'date', required: true },
  ...endFields,
];

interface Props {
  organisation: Organisation;
  writes: RecordWrites;
  editable: boolean;
}

export function MembershipsSection({ organisation, writes, editable }: Props) {
  const [editing, setEditing] = useState<MembershipPeriod | 'new' | null>(null);
  const initial: FormValues =
    editing && editing !== 'new' ? textValues(editing, ['leftOn', 'leaveReason']) : {};

  const columns: Column<MembershipPeriod>[] = [
    {
      key: 'joinedOn',
      header: t('members.membership.joinedOn'),
      rowHeader: true,
      render: (row) => formatDate(row.joinedOn),
    },
    {
      key: 'knownFrom',
      header: t('members.membership.knownFrom'),
      render: (row) => formatDate(row.knownFrom),
    },
    { key: 'leftOn', header: t('members.membership.leftOn'), render: (row) => formatDate(row.leftOn) },
    {
      key: 'leaveReason',
      header: t('members.membership.leaveReason'),
      render: (row) => orDash(row.leaveReason),
    },
    { key: 'source', header: t('members.membership.source'), render: (row) => orDash(row.source) },
  ];

  const submit = (values: FormValues) => {
    if (editing === 'new') return writes.addMembership(toCreateBody(values));
    if (editing) return submitPatch(values, initial, (body) => writes.patchMembership(editing.id, body));
    return Promise.resolve();
  };

  // A prospect has no period yet: its first one is the act of joining, named as such.
  const prospect = organisation.memberships.length === 0;
  const addLabel = prospect ? t('members.record.recordMembership') : t('members.record.addMembership');

  return (
    <RecordTableSection
      title={t('members.record.memberships')}
      addLabel={addLabel}
      emptyMessage={t('members.record.noMembership')}
      rows={organisation.memberships}
      columns={columns}
      editable={editable}
      onAdd={() => setEditing('new')}
      rowActions={(row) => (
        <EditRowButton
          label={`${t('members.record.editMembership')} ${formatDate(row.joinedOn ?? row.knownFrom)}`}
          onClick={() => setEditing(row)}
        />
      )}
    >
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? addLabel : t('members.record.editMembership')}
        fields={editing === 'new' ? newFields : endFields}
        initialValues={initial}
        onSubmit={submit}
      />
    </RecordTableSection>
  );
}
