import { Anchor } from '@mantine/core';
import { t } from '../../i18n';
import { type FormValues, toCreateBody } from '../../ui/formValues';
import { PeopleSection as PeopleTable } from '../../ui/PeopleSection';
import { useOrganisationOptions } from '../members/useOrganisationOptions';
import { addPerson, type GroupPerson, type PracticeGroup, removePerson } from './api';

export { personName } from '../../ui/PeopleSection';

interface Props {
  group: PracticeGroup;
  write: boolean;
  onChanged: () => Promise<unknown>;
}

/** The professionals of member organisations who belong to the group. */
export function PeopleSection({ group, write, onChanged }: Props) {
  // Current members only: a group gathers the members' professionals.
  const organisations = useOrganisationOptions('current', write);
  return (
    <PeopleTable<GroupPerson>
      title={t('practice.people')}
      emptyMessage={t('practice.people.empty')}
      people={group.people}
      headers={{
        name: t('practice.person.name'),
        organisation: t('practice.person.organisation'),
        jobTitle: t('practice.person.jobTitle'),
      }}
      moreColumns={[
        {
          key: 'email',
          header: t('practice.person.email'),
          render: (p) => (p.email ? <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor> : t('common.none')),
        },
      ]}
      write={write}
      add={{
        label: t('practice.person.add'),
        title: t('practice.person.addTo', { name: group.name }),
        fields: [
          {
            name: 'organisationId',
            kind: 'select',
            label: t('practice.person.organisation'),
            description: t('practice.person.organisationHint'),
            required: true,
            options: organisations,
          },
          { name: 'firstName', kind: 'text', label: t('practice.person.firstName'), required: true },
          { name: 'lastName', kind: 'text', label: t('practice.person.lastName'), required: true },
          { name: 'jobTitle', kind: 'text', label: t('practice.person.jobTitle') },
          { name: 'email', kind: 'email', label: t('practice.person.email'), autoComplete: 'off' },
        ],
        initialValues: { organisationId: '', firstName: '', lastName: '', jobTitle: '', email: '' },
        onSubmit: async (values: FormValues) => {
          await addPerson(group.id, toCreateBody(values));
          await onChanged();
        },
      }}
      remove={{
        label: t('practice.person.remove'),
        labelOf: (name) => t('practice.person.removeOf', { name }),
        title: t('practice.person.removeTitle'),
        message: (name) => t('practice.person.removeMessage', { name }),
        onConfirm: async (person) => {
          await removePerson(group.id, person.id);
          await onChanged();
        },
      }}
    />
  );
}
