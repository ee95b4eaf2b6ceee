import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { can, useMe } from '../../../app/session';
import { t } from '../../../i18n';
import { formatDate } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { usePageTitle } from '../../../ui/usePageTitle';
import { OrganisationActionsSection } from '../../actions/OrganisationActionsSection';
import { OrganisationSupportSection } from '../../support/OrganisationSupportSection';
import { useOrganisation, useRecordWrites, useReference } from '../api';
import { membershipColor, membershipLabel } from '../labels';
import type { Organisation, Reference } from '../types';
import { ContactsSection } from './ContactsSection';
import { ConventionsSection } from './ConventionsSection';
import { EstablishmentsSection } from './EstablishmentsSection';
import { HistorySection } from './HistorySection';
import { IdentitySection } from './IdentitySection';
import { MembershipsSection } from './MembershipsSection';

export function OrganisationPage() {
  const id = useParams().id ?? '';
  const record = useOrganisation(id);
  const reference = useReference();
  usePageTitle(record.data?.name);
  return (
    <QueryState query={record}>
      {record.data && <RecordView organisation={record.data} reference={reference.data} />}
    </QueryState>
  );
}

function RecordView({ organisation, reference }: { organisation: Organisation; reference?: Reference }) {
  const { data: me } = useMe();
  const writes = useRecordWrites(organisation.id);
  const staffEdit = organisation.editable === 'all';
  return (
    <Stack>
      {me && can.browseMembers(me.role) && (
        <Anchor component={Link} to="/adherents" size="sm">
          ← {t('nav.members')}
        </Anchor>
      )}
      <div>
        <Title order={1}>{organisation.name}</Title>
        <Group gap="xs" mt={4}>
          <Badge color={membershipColor[organisation.membership]} variant="light">
            {membershipLabel(organisation.membership)}
          </Badge>
          {organisation.types.map((type) => (
            <Badge key={type} variant="outline">
              {type}
            </Badge>
          ))}
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {t('members.record.createdUpdated', {
            created: formatDate(organisation.createdAt),
            updated: formatDate(organisation.updatedAt),
          })}
        </Text>
      </div>
      {organisation.editable === 'public' && <Alert color="blue">{t('members.record.publicOnly')}</Alert>}
      <IdentitySection organisation={organisation} writes={writes} />
      <EstablishmentsSection organisation={organisation} reference={reference} writes={writes} />
      <ConventionsSection
        organisation={organisation}
        reference={reference}
        writes={writes}
        editable={staffEdit}
      />
      <MembershipsSection organisation={organisation} writes={writes} editable={staffEdit} />
      <ContactsSection organisation={organisation} writes={writes} editable={staffEdit} />
      <OrganisationActionsSection organisationId={organisation.id} />
      <OrganisationSupportSection organisation={organisation} />
      <HistorySection organisation={organisation} reference={reference} />
    </Stack>
  );
}
