import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { t, tn } from '../../i18n';
import { FormErrorSummary } from '../../ui/FormErrors';
import { websiteHref } from '../../ui/format';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { usePageTitle } from '../../ui/usePageTitle';
import { OrganisationPicker } from '../actions/OrganisationPicker';
import { canMatchForAnyMember } from './access';
import { type MatchRequest, type MatchResponse, matchFunders } from './api';
import { amountRange, conventionTypeOptions, funderKindLabel, splitList } from './labels';

const labels = {
  themes: t('funders.match.themes'),
  department: t('funders.match.department'),
  amountSought: t('funders.match.amountSought'),
  conventionType: t('funders.match.conventionType'),
  organisationId: t('funders.match.organisation'),
};

/**
 * `/financeurs/recherche`: from a member's project to the funders of the guide that fit, best
 * first, each with its reasons. The team searches on behalf of a member; a member user for itself
 * (the server fills in its department and type from the registry).
 */
export function FunderMatchPage() {
  usePageTitle(t('funders.match.title'));
  const { data: me } = useMe();
  const forAnyMember = me ? canMatchForAnyMember(me.role) : false;
  const [values, setValues] = useState({
    themes: '',
    department: '',
    amountSought: '',
    conventionType: '',
    organisationId: '',
  });
  const [result, setResult] = useState<MatchResponse | null>(null);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const send = async () => {
    const body: MatchRequest = { themes: splitList(values.themes) };
    if (values.department.trim()) body.department = values.department.trim();
    const sought = values.amountSought.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
    // Sent as typed when not a number, so the server's message shows next to the field.
    if (sought) body.amountSought = (Number.isFinite(Number(sought)) ? Number(sought) : sought) as number;
    if (values.conventionType) body.conventionType = values.conventionType as MatchRequest['conventionType'];
    if (forAnyMember && values.organisationId) body.organisationId = values.organisationId;
    setResult(await matchFunders(body));
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(() => ({}), send);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('funders.match.title')}</Title>
        <Anchor component={Link} to="/financeurs">
          {t('funders.match.back')}
        </Anchor>
      </Group>
      <Text c="dimmed">
        {forAnyMember
          ? t('funders.match.introTeam')
          : me?.role === 'member'
            ? t('funders.match.introMember')
            : t('funders.match.introBoard')}
      </Text>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormErrorSummary error={error} labels={labels} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {forAnyMember && (
              <OrganisationPicker
                label={labels.organisationId}
                value={values.organisationId}
                onChange={(id) => set('organisationId')(id)}
                error={errors.organisationId}
              />
            )}
            <TextInput
              label={labels.themes}
              description={t('funders.field.listHint')}
              value={values.themes}
              onChange={(e) => set('themes')(e.currentTarget.value)}
              error={errors.themes}
            />
            <TextInput
              label={labels.department}
              description={t('funders.match.departmentHint')}
              value={values.department}
              onChange={(e) => set('department')(e.currentTarget.value)}
              error={errors.department}
            />
            <TextInput
              label={labels.amountSought}
              inputMode="decimal"
              value={values.amountSought}
              onChange={(e) => set('amountSought')(e.currentTarget.value)}
              error={errors.amountSought}
            />
            <NativeSelect
              label={labels.conventionType}
              value={values.conventionType}
              onChange={(e) => set('conventionType')(e.currentTarget.value)}
              data={[{ value: '', label: t('funders.match.typeFromRegistry') }, ...conventionTypeOptions]}
              error={errors.conventionType}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={pending}>
              {t('funders.match.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {result && <MatchResults result={result} />}
    </Stack>
  );
}

function MatchResults({ result }: { result: MatchResponse }) {
  return (
    <section aria-labelledby="funders-match-results">
      <Stack>
        <Title order={2} id="funders-match-results">
          {tn('funders.match.found', result.items.length)}
        </Title>
        {result.items.length === 0 && <Text>{t('funders.match.none')}</Text>}
        {result.items.map((funder) => (
          <Card key={funder.id} withBorder>
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Title order={3} size="h4">
                  {funder.website ? (
                    <Anchor href={websiteHref(funder.website)} target="_blank" rel="noreferrer">
                      {funder.name}
                    </Anchor>
                  ) : (
                    funder.name
                  )}
                </Title>
                <Text size="sm" c="dimmed">
                  {funderKindLabel(funder.kind)} · {amountRange(funder)}
                  {funder.deadlines ? ` · ${funder.deadlines}` : ''}
                </Text>
              </Stack>
              <Badge variant="light">{t('funders.match.score', { score: funder.score })}</Badge>
            </Group>
            <List size="sm" mt="xs">
              {funder.reasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
