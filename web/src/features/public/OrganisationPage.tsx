import { Badge, Image, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { t } from '../../i18n';
import { EmailLink, PhoneLink, WebsiteLink } from '../../ui/Contact';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { type BoardRole, type PublicOrganisation, usePublicOrganisation } from './api';
import { departmentName } from './departments';

type Mandate = PublicOrganisation['board'][number];

const roleOrder: (BoardRole | null)[] = [
  'president',
  'vice_president',
  'treasurer',
  'secretary',
  'bureau_member',
  null,
];

/** Neutral role labels ("Présidence"); a director without a bureau role is an administrateur·rice. */
function roleLabel(role: BoardRole | null): string {
  return role ? t(`public.role.${role}`) : t('public.role.director');
}

function PageSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The public "organisation" page: the delegation, its board and its staff. */
export function OrganisationPage() {
  usePageTitle(t('public.organisation.title'));
  const organisation = usePublicOrganisation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('public.organisation.title')}</Title>
      <QueryState query={organisation}>
        {organisation.data && <Organisation data={organisation.data} />}
      </QueryState>
    </Stack>
  );
}

function Organisation({ data }: { data: PublicOrganisation }) {
  const { delegation } = data;
  const board = [...data.board].sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
  const electedOn = data.board[0]?.electedOn;
  const axes = [...new Set(delegation.objectives.map((o) => o.axis))];
  return (
    <>
      <PageSection title={delegation.name}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Stack gap={4}>
            {delegation.logoUrl && (
              <Image
                src={delegation.logoUrl}
                alt={t('public.organisation.logo', { name: delegation.name })}
                h={64}
                w="auto"
                fit="contain"
              />
            )}
            {delegation.region && (
              <Text>{t('public.organisation.region', { region: delegation.region })}</Text>
            )}
            <Text>
              {t('public.organisation.departments', {
                list: delegation.departmentsCovered
                  .map((code) => `${departmentName(code)} (${code})`)
                  .join(', '),
              })}
            </Text>
          </Stack>
          <Stack gap={4}>
            {delegation.addresses.map((a) => (
              <Text key={`${a.line}-${a.postcode}`}>{`${a.line}, ${a.postcode} ${a.city}`}</Text>
            ))}
            {delegation.phone && (
              <Text>
                {t('public.directory.phone')} <PhoneLink value={delegation.phone} />
              </Text>
            )}
            {delegation.email && (
              <Text>
                {t('public.directory.email')} <EmailLink value={delegation.email} />
              </Text>
            )}
            {delegation.website && (
              <Text>
                {t('public.directory.website')} <WebsiteLink value={delegation.website} />
              </Text>
            )}
          </Stack>
        </SimpleGrid>
      </PageSection>

      {delegation.missions.length > 0 && (
        <PageSection title={t('public.organisation.missions')}>
          <List spacing={4}>
            {delegation.missions.map((m) => (
              <List.Item key={m.code}>{m.label}</List.Item>
            ))}
          </List>
        </PageSection>
      )}

      {axes.length > 0 && (
        <PageSection title={t('public.organisation.objectives')}>
          <Stack gap="md">
            {axes.map((axis) => (
              <div key={axis}>
                <Title order={3} size="h5" mb={4}>
                  {axis}
                </Title>
                <List spacing={4}>
                  {delegation.objectives
                    .filter((o) => o.axis === axis)
                    .map((o) => (
                      <List.Item key={`${o.number}-${o.text}`}>
                        {o.number !== null ? `${o.number}. ${o.text}` : o.text}
                      </List.Item>
                    ))}
                </List>
              </div>
            ))}
          </Stack>
        </PageSection>
      )}

      <PageSection
        title={
          electedOn ? t('public.board.electedOn', { date: formatDate(electedOn) }) : t('public.board.title')
        }
      >
        {board.length === 0 ? (
          <Text c="dimmed">{t('public.board.empty')}</Text>
        ) : (
          <DataTable
            caption={t('public.board.title')}
            captionHidden
            columns={boardColumns}
            rows={board}
            rowKey={(m) => `${m.firstName}-${m.lastName}-${m.organisationName}`}
          />
        )}
      </PageSection>

      <PageSection title={t('public.staff.title')}>
        {data.staff.length === 0 ? (
          <Text c="dimmed">{t('public.staff.empty')}</Text>
        ) : (
          <DataTable
            caption={t('public.staff.title')}
            captionHidden
            columns={staffColumns}
            rows={data.staff}
            rowKey={(s) => `${s.firstName}-${s.lastName}`}
          />
        )}
      </PageSection>
    </>
  );
}

const boardColumns: Column<Mandate>[] = [
  {
    key: 'name',
    header: t('public.col.name'),
    rowHeader: true,
    render: (m) => `${m.firstName} ${m.lastName}`,
  },
  { key: 'role', header: t('public.col.role'), render: (m) => roleLabel(m.role) },
  { key: 'organisation', header: t('public.col.organisation'), render: (m) => m.organisationName },
  {
    key: 'department',
    header: t('public.col.department'),
    render: (m) => (m.department ? `${m.department} — ${departmentName(m.department)}` : t('common.none')),
  },
  {
    key: 'national',
    header: t('public.col.national'),
    nowrap: true,
    render: (m) =>
      m.nationalRepresentative ? (
        <Badge variant="light" color="grape" tt="none" miw="max-content">
          {t('public.board.national')}
        </Badge>
      ) : (
        t('common.none')
      ),
  },
];

const staffColumns: Column<PublicOrganisation['staff'][number]>[] = [
  {
    key: 'name',
    header: t('public.col.name'),
    rowHeader: true,
    render: (s) => `${s.firstName} ${s.lastName}`,
  },
  { key: 'mission', header: t('public.col.mission'), render: (s) => s.jobTitle },
];
