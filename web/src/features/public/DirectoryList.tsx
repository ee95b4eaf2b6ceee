import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { t } from '../../i18n';
import { EmailLink, PhoneLink, WebsiteLink } from '../../ui/Contact';
import type { PublicStructure } from './api';
import { departmentHeading } from './departments';
import type { DepartmentGroup } from './grouping';

/** The directory under its department headings ("09. ARIÈGE"). */
export function DirectoryList({ groups }: { groups: DepartmentGroup[] }) {
  return (
    <Stack gap="xl">
      {groups.map((group) => (
        <DepartmentSection key={group.code || 'none'} group={group} />
      ))}
    </Stack>
  );
}

function DepartmentSection({ group }: { group: DepartmentGroup }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-department={group.code}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {group.code ? departmentHeading(group.code) : t('public.directory.noDepartment')}
      </Title>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="sm"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {group.items.map((item) => (
          <Entry key={item.id} item={item} />
        ))}
      </SimpleGrid>
    </section>
  );
}

function Entry({ item }: { item: PublicStructure }) {
  const place = [item.postcode, item.city].filter(Boolean).join(' ');
  return (
    <Paper component="li" withBorder p="sm" radius="md" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5">
            {item.name}
          </Title>
          <Group gap={4} wrap="nowrap">
            {item.types.map((type) => (
              <Badge key={type} variant="light" tt="none">
                {type}
              </Badge>
            ))}
          </Group>
        </Group>
        {item.address && <Text size="sm">{item.address}</Text>}
        {place && <Text size="sm">{place}</Text>}
        {item.phone && (
          <Text size="sm">
            {t('public.directory.phone')} <PhoneLink value={item.phone} />
          </Text>
        )}
        {item.email && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('public.directory.email')} <EmailLink value={item.email} />
          </Text>
        )}
        {item.website && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('public.directory.website')} <WebsiteLink value={item.website} />
          </Text>
        )}
        {item.activities.length > 0 && (
          <Group gap={4} aria-label={t('public.directory.activities')} role="group">
            {item.activities.map((activity) => (
              <Badge key={activity} variant="outline" color="gray" tt="none" size="sm">
                {activity}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
