import {
  Button,
  Fieldset,
  FileInput,
  Group,
  Image,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api';
import type { Schema } from '../../app/contract';
import { t } from '../../i18n';
import { FormErrorSummary, fieldErrorsOf } from '../../ui/FormErrors';
import { QueryState } from '../../ui/QueryState';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { usePageTitle } from '../../ui/usePageTitle';

type Settings = Schema<'DelegationSettings'>;

const settingsKey = ['delegation', 'settings'] as const;

/** The delegation's own settings (administrators): what the demo loader writes, written here. */
export function SettingsPage() {
  usePageTitle(t('settings.title'));
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api<Settings>('/api/delegation/settings', { signal }),
  });
  return (
    <Stack>
      <Title order={1}>{t('settings.title')}</Title>
      <Text>{t('settings.intro')}</Text>
      <QueryState isPending={settings.isPending} error={settings.error}>
        {settings.data && (
          <>
            <LogoSection settings={settings.data} />
            <SettingsForm initial={settings.data} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function LogoSection({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [version, setVersion] = useState(0);
  const done = (data: Settings | undefined) => {
    if (data) queryClient.setQueryData(settingsKey, data);
    setFile(null);
    setVersion((v) => v + 1);
  };
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return api<Settings>('/api/delegation/logo', { method: 'PUT', body: { data: btoa(binary) } });
    },
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: () => api<Settings>('/api/delegation/logo', { method: 'DELETE' }),
    onSuccess: done,
  });
  const errors = fieldErrorsOf(upload.error);
  return (
    <Fieldset legend={t('settings.logo')}>
      <Stack>
        {settings.logoUrl ? (
          <Image
            src={`${settings.logoUrl}&v=${version}`}
            alt={t('settings.logoAlt')}
            h={80}
            w="auto"
            fit="contain"
          />
        ) : (
          <Text c="dimmed">{t('settings.logoNone')}</Text>
        )}
        {upload.isSuccess && !upload.isPending && <SuccessAlert>{t('settings.logoSaved')}</SuccessAlert>}
        <FileInput
          label={t('settings.logoFile')}
          description={t('settings.logoHint')}
          accept="image/png,image/svg+xml"
          value={file}
          error={errors.logo ?? (upload.error && !errors.logo ? upload.error.message : undefined)}
          onChange={(chosen) => {
            setFile(chosen);
            upload.reset();
            if (chosen) upload.mutate(chosen);
          }}
        />
        {settings.logoUrl && (
          <Group>
            <Button variant="default" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('settings.logoRemove')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    ...initial,
    departments: initial.departmentsCovered.join(', '),
  });
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(
    (): Record<string, string> => (values.name.trim() ? {} : { name: t('common.required') }),
    async () => {
      const result = await api<Settings>('/api/delegation/settings', {
        method: 'PUT',
        body: {
          name: values.name,
          network: values.network,
          region: values.region,
          departmentsCovered: values.departments
            .split(/[,;\s]+/)
            .map((d) => d.trim())
            .filter(Boolean),
          addresses: values.addresses,
          phone: values.phone,
          email: values.email,
          website: values.website,
          missions: values.missions,
          objectives: values.objectives,
          reportTagline: values.reportTagline,
        },
      });
      queryClient.setQueryData(settingsKey, result);
      setSaved(true);
    },
  );
  const text = (key: 'name' | 'network' | 'region' | 'phone' | 'email' | 'website', label: string) => (
    <TextInput
      label={label}
      required={key === 'name'}
      value={values[key] ?? ''}
      error={errors[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
    />
  );
  const update = <K extends 'addresses' | 'missions' | 'objectives'>(
    key: K,
    index: number,
    patch: Partial<(typeof values)[K][number]>,
  ) =>
    set(key, values[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) as (typeof values)[K]);
  const removeRow = <K extends 'addresses' | 'missions' | 'objectives'>(key: K, index: number) =>
    set(key, values[key].filter((_, i) => i !== index) as (typeof values)[K]);

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <FormErrorSummary error={error} />
        {saved && <SuccessAlert>{t('settings.saved')}</SuccessAlert>}
        <Fieldset legend={t('settings.identity')}>
          <Stack>
            {text('name', t('settings.name'))}
            {text('network', t('settings.network'))}
            {text('region', t('settings.region'))}
            <TextInput
              label={t('settings.departments')}
              description={t('settings.departmentsHint')}
              value={values.departments}
              error={errors.departmentsCovered}
              onChange={(e) => set('departments', e.currentTarget.value)}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.contact')}>
          <Stack>
            {text('phone', t('settings.phone'))}
            {text('email', t('settings.email'))}
            {text('website', t('settings.website'))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.addresses')}>
          <Stack>
            {values.addresses.map((address, i) => {
              const n = i + 1;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <Group key={i} align="end" wrap="wrap">
                  <TextInput
                    label={t('settings.address.line', { n })}
                    value={address.line}
                    error={errors[`addresses.${i}`]}
                    onChange={(e) => update('addresses', i, { line: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('settings.address.postcode', { n })}
                    w={140}
                    value={address.postcode}
                    error={errors[`addresses.${i}.postcode`]}
                    onChange={(e) => update('addresses', i, { postcode: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('settings.address.city', { n })}
                    value={address.city}
                    onChange={(e) => update('addresses', i, { city: e.currentTarget.value })}
                  />
                  <Button variant="subtle" color="red" onClick={() => removeRow('addresses', i)}>
                    {t('settings.address.remove', { n })}
                  </Button>
                </Group>
              );
            })}
            <Group>
              <Button
                variant="default"
                onClick={() => set('addresses', [...values.addresses, { line: '', postcode: '', city: '' }])}
              >
                {t('settings.address.add')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.missions')}>
          <Stack>
            {values.missions.map((mission, i) => {
              const n = i + 1;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <Group key={i} align="end" wrap="wrap">
                  <TextInput
                    label={t('settings.mission.code', { n })}
                    w={180}
                    value={mission.code}
                    error={errors[`missions.${i}`]}
                    onChange={(e) => update('missions', i, { code: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('settings.mission.label', { n })}
                    value={mission.label}
                    onChange={(e) => update('missions', i, { label: e.currentTarget.value })}
                  />
                  <Button variant="subtle" color="red" onClick={() => removeRow('missions', i)}>
                    {t('settings.mission.remove', { n })}
                  </Button>
                </Group>
              );
            })}
            <Group>
              <Button
                variant="default"
                onClick={() => set('missions', [...values.missions, { code: '', label: '' }])}
              >
                {t('settings.mission.add')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.objectives')}>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('settings.objectivesHint')}
            </Text>
            {values.objectives.map((objective, i) => {
              const n = i + 1;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <Group key={i} align="end" wrap="wrap">
                  <NumberInput
                    label={t('settings.objective.number', { n })}
                    w={120}
                    min={1}
                    max={99}
                    allowDecimal={false}
                    value={objective.number ?? ''}
                    error={errors[`objectives.${i}.number`]}
                    onChange={(value) =>
                      update('objectives', i, { number: typeof value === 'number' ? value : null })
                    }
                  />
                  <TextInput
                    label={t('settings.objective.axis', { n })}
                    value={objective.axis}
                    error={errors[`objectives.${i}`]}
                    onChange={(e) => update('objectives', i, { axis: e.currentTarget.value })}
                  />
                  <Textarea
                    label={t('settings.objective.text', { n })}
                    autosize
                    miw={300}
                    value={objective.text}
                    onChange={(e) => update('objectives', i, { text: e.currentTarget.value })}
                  />
                  <Button variant="subtle" color="red" onClick={() => removeRow('objectives', i)}>
                    {t('settings.objective.remove', { n })}
                  </Button>
                </Group>
              );
            })}
            <Group>
              <Button
                variant="default"
                onClick={() =>
                  set('objectives', [...values.objectives, { number: null, axis: '', text: '' }])
                }
              >
                {t('settings.objective.add')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.report')}>
          <TextInput
            label={t('settings.reportTagline')}
            value={values.reportTagline ?? ''}
            error={errors.reportTagline}
            onChange={(e) => set('reportTagline', e.currentTarget.value)}
          />
        </Fieldset>
        <Group>
          <Button type="submit" loading={pending}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
