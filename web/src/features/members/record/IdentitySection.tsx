import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { t } from '../../../i18n';
import { WebsiteLink } from '../../../ui/Contact';
import { DetailList } from '../../../ui/DetailList';
import { FormButtons } from '../../../ui/FormButtons';
import { errorAt, FormErrorSummary, fieldErrorsOf } from '../../../ui/FormErrors';
import { FormModal } from '../../../ui/FormModal';
import { orDash } from '../../../ui/format';
import { submitPatch, textValues } from '../../../ui/formValues';
import { Section } from '../../../ui/Section';
import type { RecordWrites } from '../api';
import { ActivitiesInput } from '../create/ActivitiesInput';
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
  const [tagsOpened, tags] = useDisclosure(false);
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
    {
      label: t('members.field.activities'),
      value: <ActivityBadges tags={organisation.activities} />,
      wide: true,
    },
  ];
  // The internal note is the team's: the API sends it only to them (empty or not), and
  // the block shows exactly when it is sent, never as an empty block for a member or the board.
  if (organisation.note !== undefined) {
    details.push({ label: t('members.field.note'), value: orDash(organisation.note), wide: true });
  }
  return (
    <Section
      title={t('members.record.identity')}
      actions={
        organisation.editable !== 'none' && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={open}>
              {t('members.record.editIdentity')}
            </Button>
            <Button size="xs" variant="light" onClick={tags.open}>
              {t('members.record.editActivities')}
            </Button>
          </Group>
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
      <Modal
        opened={tagsOpened}
        onClose={tags.close}
        title={t('members.record.editActivities')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <ActivitiesForm initial={organisation.activities} writes={writes} onClose={tags.close} />
      </Modal>
    </Section>
  );
}

function ActivityBadges({ tags }: { tags: string[] }) {
  if (tags.length === 0)
    return (
      <Text span c="dimmed">
        {t('members.record.noActivities')}
      </Text>
    );
  return (
    <Group component="span" gap={4}>
      {tags.map((tag) => (
        <Badge key={tag} variant="light" tt="none" component="span">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

/** Tags need their own input (TagsInput), hence a form of their own beside the identity form. */
function ActivitiesForm({
  initial,
  writes,
  onClose,
}: {
  initial: string[];
  writes: RecordWrites;
  onClose: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await writes.patchOrganisation({ activities: value });
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormErrorSummary error={error} labels={{ activities: t('members.field.activities') }} />
        <ActivitiesInput
          value={value}
          onChange={setValue}
          error={errorAt(fieldErrorsOf(error), 'activities')}
        />
        <FormButtons onCancel={onClose} pending={pending} />
      </Stack>
    </form>
  );
}
