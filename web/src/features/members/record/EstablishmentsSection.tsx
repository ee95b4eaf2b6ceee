import { Badge, Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../../i18n';
import { EmailLink, PhoneLink, WebsiteLink } from '../../../ui/Contact';
import { DetailList } from '../../../ui/DetailList';
import type { FieldSpec } from '../../../ui/FormField';
import { FormModal } from '../../../ui/FormModal';
import { orDash } from '../../../ui/format';
import { type FormValues, submitPatch, textValues, toCreateBody } from '../../../ui/formValues';
import { Section } from '../../../ui/Section';
import type { RecordWrites } from '../api';
import { establishmentFields } from '../create/fields';
import { departmentLabel, departmentOptions } from '../labels';
import type { Establishment, Organisation, Reference } from '../types';
import { establishmentLabel } from './establishmentLabel';

const keys = [
  'name',
  'siret',
  'address',
  'postcode',
  'city',
  'department',
  'phone',
  'email',
  'website',
  'isHeadquarters',
] as const;
const publicKeys = new Set(['phone', 'email', 'website']);

interface Props {
  organisation: Organisation;
  reference?: Reference;
  writes: RecordWrites;
}

export function EstablishmentsSection({ organisation, reference, writes }: Props) {
  // null: closed; 'new': adding; an establishment: editing it.
  const [editing, setEditing] = useState<Establishment | 'new' | null>(null);
  const allFields: FieldSpec[] = [
    { name: 'name', label: t('members.field.establishment.name'), kind: 'text' },
    ...establishmentFields(departmentOptions(reference)),
    { name: 'isHeadquarters', label: t('members.field.establishment.isHeadquarters'), kind: 'checkbox' },
  ];
  const fields =
    organisation.editable === 'all' ? allFields : allFields.filter((f) => publicKeys.has(f.name));
  const initial: FormValues =
    editing && editing !== 'new' ? textValues(editing, [...keys]) : { isHeadquarters: false };

  const submit = (values: FormValues) => {
    if (editing === 'new') return writes.addEstablishment(toCreateBody(values));
    if (editing) return submitPatch(values, initial, (body) => writes.patchEstablishment(editing.id, body));
    return Promise.resolve();
  };

  return (
    <Section
      title={t('members.record.establishments')}
      actions={
        organisation.editable === 'all' && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            {t('members.record.addEstablishment')}
          </Button>
        )
      }
    >
      {organisation.establishments.length === 0 ? (
        <Text c="dimmed">{t('members.record.noEstablishment')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {organisation.establishments.map((establishment) => (
            <EstablishmentCard
              key={establishment.id}
              establishment={establishment}
              reference={reference}
              onEdit={organisation.editable === 'none' ? undefined : () => setEditing(establishment)}
            />
          ))}
        </SimpleGrid>
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new'
            ? t('members.record.addEstablishment')
            : t('members.record.editEstablishmentNamed', { name: establishmentLabel(editing ?? undefined) })
        }
        fields={fields}
        initialValues={initial}
        onSubmit={submit}
      />
    </Section>
  );
}

interface CardProps {
  establishment: Establishment;
  reference?: Reference;
  onEdit?: () => void;
}

function EstablishmentCard({ establishment, reference, onEdit }: CardProps) {
  const label = establishmentLabel(establishment);
  const details = [
    { label: t('members.field.establishment.siret'), value: orDash(establishment.siret) },
    {
      label: t('members.field.establishment.department'),
      value: departmentLabel(establishment.department, reference),
    },
    {
      label: t('members.field.establishment.address'),
      value: orDash(
        [establishment.address, [establishment.postcode, establishment.city].filter(Boolean).join(' ')]
          .filter(Boolean)
          .join('\n'),
      ),
      wide: true,
    },
    { label: t('members.field.establishment.phone'), value: <PhoneLink value={establishment.phone} /> },
    { label: t('members.field.establishment.email'), value: <EmailLink value={establishment.email} /> },
    { label: t('members.field.establishment.website'), value: <WebsiteLink value={establishment.website} /> },
  ];
  if (establishment.printedLabel) {
    details.push({
      label: t('members.field.establishment.printedLabel'),
      value: establishment.printedLabel,
      wide: true,
    });
  }
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={label}>
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <Group gap="xs">
          <Title order={3} size="h4">
            {label}
          </Title>
          {establishment.isHeadquarters && <Badge variant="light">{t('members.record.headquarters')}</Badge>}
        </Group>
        {onEdit && (
          <Button
            size="xs"
            variant="subtle"
            onClick={onEdit}
            style={{ flexShrink: 0 }}
            aria-label={t('members.record.editEstablishmentNamed', { name: label })}
          >
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <DetailList items={details} />
    </Paper>
  );
}
