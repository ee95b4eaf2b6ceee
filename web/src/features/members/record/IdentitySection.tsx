import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { t } from '../../../i18n';
import { WebsiteLink } from '../../../ui/Contact';
import { DetailList } from '../../../ui/DetailList';
import { FormModal } from '../../../ui/FormModal';
import { orDash } from '../../../ui/format';
import { submitPatch, textValues } from '../../../ui/formValues';
import { Section } from '../../../ui/Section';
import type { RecordWrites } from '../api';
import { organisationFields } from '../create/fields';
import type { Organisation } from '../types';

const publicFields = new Set(['website', 'description']);

export function IdentitySection({
  organisation,
  writes,
}: {
  organisation: Organisation;
  writes: RecordWrites;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const fields =
    organisation.editable === 'all'
      ? organisationFields
      : organisationFields.filter((field) => publicFields.has(field.name));
  const initial = textValues(organisation, ['name', 'siren', 'legalForm', 'website', 'description', 'note']);
  const details = [
    { label: t('members.field.siren'), value: orDash(organisation.siren) },
    { label: t('members.field.legalForm'), value: orDash(organisation.legalForm) },
    { label: t('members.field.website'), value: <WebsiteLink value={organisation.website} /> },
    { label: t('members.field.description'), value: orDash(organisation.description), wide: true },
  ];
  if (organisation.note !== null && organisation.note !== undefined) {
    details.push({ label: t('members.field.note'), value: orDash(organisation.note), wide: true });
  }
  return (
    <Section
      title={t('members.record.identity')}
      actions={
        organisation.editable !== 'none' && (
          <Button size="xs" variant="light" onClick={open}>
            {t('members.record.editIdentity')}
          </Button>
        )
      }
    >
      <DetailList items={details} />
      <FormModal
        opened={opened}
        onClose={close}
        title={t('members.record.editIdentity')}
        fields={fields}
        initialValues={initial}
        onSubmit={(values) => submitPatch(values, initial, writes.patchOrganisation)}
      />
    </Section>
  );
}
