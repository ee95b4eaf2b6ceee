import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../../i18n';

/** The centred card of the pages seen before signing in. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={460} py={48} component="main" id="contenu">
      <Stack gap="lg">
        <Text fw={700} size="xl" ta="center">
          {t('app.name')}
        </Text>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Title order={1} size="h2" mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Stack>
    </Container>
  );
}
