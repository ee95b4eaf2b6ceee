import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { t, tn } from '../../i18n';
import type { ActionSummary, Chronicle } from './api';
import {
  formatParticipants,
  formatPlace,
  formatWhen,
  kindLabel,
  memberRoleLabel,
  monthName,
  partnerRoleLabel,
} from './labels';

interface Props<A extends ActionSummary> {
  chronicle: Chronicle<A>;
  /** The team's chronicle links each action to its page; the public agenda does not. */
  linkOf?: (action: A) => string;
  /** Marks internal actions (the team sees every action, the public only public ones). */
  isInternal?: (action: A) => boolean;
  /** The public agenda leaves out the months without actions. */
  hideEmptyMonths?: boolean;
}

/** A year month by month, as the activity report tells it: each month a heading, then its actions. */
export function ChronicleMonths<A extends ActionSummary>({
  chronicle,
  linkOf,
  isInternal,
  hideEmptyMonths,
}: Props<A>) {
  const months = hideEmptyMonths ? chronicle.months.filter((m) => m.count > 0) : chronicle.months;
  if (months.length === 0) return <Text c="dimmed">{t('actions.chronicle.emptyYear')}</Text>;
  return (
    <Stack gap="lg">
      {months.map((month) => (
        <MonthSection
          key={month.month}
          year={chronicle.year}
          month={month}
          linkOf={linkOf}
          isInternal={isInternal}
        />
      ))}
    </Stack>
  );
}

function MonthSection<A extends ActionSummary>({
  year,
  month,
  linkOf,
  isInternal,
}: {
  year: number;
  month: Chronicle<A>['months'][number];
  linkOf?: ((action: A) => string) | undefined;
  isInternal?: ((action: A) => boolean) | undefined;
}) {
  const headingId = useId();
  const name = monthName(year, month.month);
  return (
    <section aria-labelledby={headingId}>
      <Group gap="sm" mb="xs" align="baseline">
        <Title order={2} size="h3" id={headingId} tt="capitalize">
          {name}
        </Title>
        <Text size="sm" c="dimmed">
          {tn('actions.chronicle.count', month.count)}
        </Text>
      </Group>
      {month.actions.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('actions.chronicle.emptyMonth')}
        </Text>
      ) : (
        <Stack gap="sm">
          {month.actions.map((action) => (
            <ActionEntry
              key={action.id}
              action={action}
              link={linkOf?.(action)}
              internal={isInternal?.(action) ?? false}
            />
          ))}
        </Stack>
      )}
    </section>
  );
}

function ActionEntry({
  action,
  link,
  internal,
}: {
  action: ActionSummary;
  link?: string | undefined;
  internal: boolean;
}) {
  const partners = action.partners.map((p) => `${p.name} (${partnerRoleLabel(p.role)})`).join(', ');
  const members = action.members.map((m) => `${m.name} (${memberRoleLabel(m.role)})`).join(', ');
  return (
    <Paper component="article" withBorder p="sm" radius="md">
      <Text size="sm" fw={600} c="dimmed">
        {formatWhen(action)}
      </Text>
      <Title order={3} size="h4" mt={2}>
        {link ? (
          <Anchor component={Link} to={link} inherit>
            {action.title}
          </Anchor>
        ) : (
          action.title
        )}
      </Title>
      <Group gap="xs" mt={4}>
        <Badge variant="light">{kindLabel(action.kind)}</Badge>
        {internal && (
          <Badge variant="outline" color="gray">
            {t('actions.visibility.internal')}
          </Badge>
        )}
        {(action.online || action.town || action.department) && <Text size="sm">{formatPlace(action)}</Text>}
      </Group>
      <Stack gap={2} mt={6}>
        {partners && <Text size="sm">{t('actions.chronicle.partners', { list: partners })}</Text>}
        {members && <Text size="sm">{t('actions.chronicle.members', { list: members })}</Text>}
        {action.participantsCount !== null && (
          <Text size="sm">{formatParticipants(action.participantsCount, action.participantsQualifier)}</Text>
        )}
        {action.summary && <Text size="sm">{action.summary}</Text>}
      </Stack>
    </Paper>
  );
}
