import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import { type RenderProgress, type ReportFormat, renderReport, saveFile } from './api';

const FORMATS: { format: ReportFormat; label: string }[] = [
  { format: 'pdf', label: t('reports.download.pdf') },
  { format: 'docx', label: t('reports.download.docx') },
  { format: 'html', label: t('reports.download.html') },
  { format: 'json', label: t('reports.download.json') },
];

/** Generates a file through the progress stream, shows where it is, then downloads it. */
export function DownloadButtons({ year }: { year: number }) {
  const [running, setRunning] = useState<ReportFormat | null>(null);
  const [progress, setProgress] = useState<RenderProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async (format: ReportFormat) => {
    setRunning(format);
    setError(null);
    setDone(null);
    setProgress({ label: t('reports.download.starting'), percent: 0 });
    try {
      const file = await renderReport(year, format, setProgress);
      setProgress({ label: file.filename, percent: 100 });
      saveFile(file.filename, file.blob);
      setDone(file.filename);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t('reports.download.failed'));
    } finally {
      setRunning(null);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {FORMATS.map(({ format, label }) => (
          <Button
            key={format}
            variant={format === 'pdf' ? 'filled' : 'default'}
            onClick={() => void run(format)}
            loading={running === format}
            disabled={running !== null && running !== format}
          >
            {label}
          </Button>
        ))}
      </Group>
      {running && progress && (
        <Stack gap={4}>
          <Progress.Root size="lg">
            <Progress.Section
              value={progress.percent}
              animated
              aria-label={t('reports.download.progress', { format: running.toUpperCase() })}
            />
          </Progress.Root>
          <Text size="sm" role="status">
            {progress.label}
          </Text>
        </Stack>
      )}
      {!running && done && (
        <Text size="sm" role="status" c="green.8">
          {t('reports.download.done', { filename: done })}
        </Text>
      )}
      {error && (
        <Alert color="red" title={t('reports.download.failed')}>
          {error}
        </Alert>
      )}
    </Stack>
  );
}
