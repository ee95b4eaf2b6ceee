import {
  Alert,
  Button,
  FileInput,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { IMPORT_FIELDS } from '../../../../src/modules/members/import.mapping';
import { api } from '../../app/api';
import { type MessageKey, t } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  type CommitResult,
  downloadProblems,
  type ImportPreview,
  type ImportProblem,
  type ProblemCounts,
  saveText,
  sendImport,
} from './upload';

// The registry fields a column can feed: the server's own list, shared.
const fieldOptions = IMPORT_FIELDS.map((f) => ({ value: f, label: t(`import.field.${f}` as MessageKey) }));

type Progressing = { fraction: number | null } | null;

/** Import of members: file → proposed mapping → dry run (problems, plan) → commit. */
export function ImportPage() {
  usePageTitle(t('import.title'));
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  // Exact counts from the server: `problems` holds only the first 200.
  const [problemCounts, setProblemCounts] = useState<ProblemCounts | null>(null);
  const [progress, setProgress] = useState<Progressing>(null);
  const [showBar, setShowBar] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<CommitResult | null>(null);
  const [mappingName, setMappingName] = useState('');
  const [saved, setSaved] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  // The bar appears only when the work lasts more than a second.
  const working = progress !== null;
  useEffect(() => {
    if (working) timer.current = window.setTimeout(() => setShowBar(true), 1000);
    else setShowBar(false);
    return () => window.clearTimeout(timer.current);
  }, [working]);

  async function run(
    action: 'preview' | 'commit' | 'commitValid',
    chosen: File,
    usedMapping: Record<string, string>,
  ) {
    setError(null);
    setDone(null);
    setProgress({ fraction: 0 });
    try {
      if (action === 'preview') {
        const answer = await sendImport<ImportPreview>('preview', chosen, usedMapping, (fraction) =>
          setProgress({ fraction }),
        );
        setPreview(answer);
        setMapping(answer.mapping);
        setProblems(answer.problems);
        setProblemCounts(answer.counts);
      } else {
        // "Importer les lignes valides": one transaction too, the refused lines come back as a file.
        setDone(
          await sendImport<CommitResult>(
            'commit',
            chosen,
            usedMapping,
            (fraction) => setProgress({ fraction }),
            { skipInvalid: action === 'commitValid' },
          ),
        );
        setPreview(null);
        setProblems([]);
        setProblemCounts(null);
      }
    } catch (failure) {
      const withProblems = failure as Error & { problems?: ImportProblem[]; counts?: ProblemCounts | null };
      setError(withProblems.message);
      if (withProblems.problems?.length) setProblems(withProblems.problems);
      if (withProblems.counts) setProblemCounts(withProblems.counts);
    } finally {
      setProgress(null);
    }
  }

  const errors = problemCounts?.errors ?? problems.filter((p) => p.severity === 'error').length;
  const totalProblems = problemCounts ? problemCounts.errors + problemCounts.warnings : problems.length;
  const busy = progress !== null;

  return (
    <Stack>
      <Title order={1}>{t('import.title')}</Title>
      <Text c="dimmed">{t('import.intro')}</Text>
      <FileInput
        label={t('import.file')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={(chosen) => {
          setFile(chosen);
          setPreview(null);
          setProblems([]);
          setProblemCounts(null);
          setDone(null);
          if (chosen) void run('preview', chosen, {});
        }}
      />
      {showBar && progress && (
        <Progress
          aria-label={t('import.progress')}
          value={progress.fraction === null ? 100 : Math.round(progress.fraction * 100)}
          animated={progress.fraction === null}
          striped={progress.fraction === null}
        />
      )}
      {error && <Alert color="red">{error}</Alert>}
      {done && (
        <Alert color="green">
          <Stack gap="xs">
            <Text>{t('import.done', { created: done.created, updated: done.updated })}</Text>
            {done.rejects && (
              <>
                <Text data-testid="rejected-lines">
                  {t('import.rejected', { lines: done.rejects.lines })}
                </Text>
                <Group>
                  <Button
                    variant="default"
                    onClick={() => done.rejects && saveText(done.rejects.csv, done.rejects.filename)}
                  >
                    {t('import.downloadRejects')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Alert>
      )}
      {preview && file && (
        <>
          <Text>
            {t('import.detected', {
              format: preview.format.toUpperCase(),
              encoding: preview.encoding ?? '—',
              delimiter: preview.delimiter ?? '—',
              rows: preview.rows,
            })}
          </Text>
          <Title order={2}>{t('import.mapping')}</Title>
          {/* Every column accounted for: the ones the import will not read are named. */}
          {(() => {
            const ignored = preview.headers.filter((header) => !mapping[header]);
            return ignored.length > 0 ? (
              <Text c="orange.9" data-testid="ignored-columns">
                {t('import.ignoredColumns', { columns: ignored.map((h) => `« ${h} »`).join(', ') })}
              </Text>
            ) : (
              <Text data-testid="ignored-columns">{t('import.noIgnoredColumn')}</Text>
            );
          })()}
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.sourceColumn')}</Table.Th>
                <Table.Th>{t('import.targetField')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.headers.map((header) => (
                <Table.Tr key={header}>
                  <Table.Td>{header}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('import.fieldFor', { header })}
                      data={fieldOptions}
                      value={mapping[header] ?? null}
                      placeholder={t('import.ignored')}
                      clearable
                      onChange={(value) => {
                        const next = { ...mapping };
                        if (value) next[header] = value;
                        else delete next[header];
                        setMapping(next);
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group align="end">
            <TextInput
              label={t('import.mappingName')}
              value={mappingName}
              onChange={(e) => setMappingName(e.currentTarget.value)}
            />
            <Button
              variant="default"
              disabled={!mappingName.trim()}
              onClick={async () => {
                await api('/api/members/import-mappings', {
                  method: 'POST',
                  body: { name: mappingName, mapping },
                });
                setSaved(true);
              }}
            >
              {t('import.saveMapping')}
            </Button>
            {saved && <Text c="green">{t('import.mappingSaved')}</Text>}
          </Group>
          <Group>
            <Button variant="default" loading={busy} onClick={() => void run('preview', file, mapping)}>
              {t('import.dryRun')}
            </Button>
            <Button loading={busy} disabled={errors > 0} onClick={() => void run('commit', file, mapping)}>
              {t('import.commit')}
            </Button>
            {/* All or nothing stays the default; on request, the valid lines alone. */}
            {errors > 0 && preview.counts.create + preview.counts.update > 0 && (
              <Button variant="light" loading={busy} onClick={() => void run('commitValid', file, mapping)}>
                {t('import.commitValid')}
              </Button>
            )}
          </Group>
          <Text>
            {t('import.plan', {
              create: preview.counts.create,
              update: preview.counts.update,
              errors,
            })}
          </Text>
        </>
      )}
      {problems.length > 0 && (
        <>
          <Title order={2}>{t('import.problems')}</Title>
          {totalProblems > problems.length && problemCounts && (
            <Text>
              {t('import.problemsShown', {
                shown: problems.length,
                total: totalProblems,
                errors: problemCounts.errors,
                warnings: problemCounts.warnings,
              })}
            </Text>
          )}
          {file && (
            <Group>
              <Button
                variant="default"
                onClick={() =>
                  void downloadProblems(file, mapping).catch((failure: Error) => setError(failure.message))
                }
              >
                {t('import.downloadProblems')}
              </Button>
            </Group>
          )}
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.line')}</Table.Th>
                <Table.Th>{t('import.column')}</Table.Th>
                <Table.Th>{t('import.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((p) => (
                <Table.Tr key={`${p.line}-${p.column}-${p.code}`}>
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td>{p.column ?? '—'}</Table.Td>
                  <Table.Td c={p.severity === 'error' ? 'red' : undefined}>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
