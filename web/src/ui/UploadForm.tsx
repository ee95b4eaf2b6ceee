import { Button, FileInput, Group, Progress, Stack } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { t } from '../i18n';
import { type FieldErrors, FormErrorSummary } from './FormErrors';
import { useFormSubmit } from './useFormSubmit';

interface Props {
  label: string;
  description?: string;
  accept?: string;
  /** The accessible name of the input's clear button. */
  clearLabel: string;
  submitLabel: string;
  /** A larger file is refused before it is sent, with `tooLarge`'s message. */
  maxBytes?: number;
  tooLarge?: (name: string) => string;
  /** Names of the other fields the server may report on (a template's cells), for the error summary. */
  labels?: Record<string, string>;
  /** With it, a progress bar (named by it) shows while the file is sent. */
  progressLabel?: (percent: number) => string;
  /** Sends the file; the input empties once it resolves. */
  onUpload: (file: File, onProgress: (fraction: number) => void) => Promise<unknown>;
  /** Under the error summary (a "done" message). */
  children?: ReactNode;
}

/** One file to send: the input, its button, the server's refusal, and the progress of a long upload. */
export function UploadForm(props: Props) {
  const { label, maxBytes, tooLarge, progressLabel, onUpload } = props;
  const [chosen, setChosen] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const check = (): FieldErrors => {
    if (!chosen) return { file: t('common.required') };
    if (maxBytes !== undefined && chosen.size > maxBytes) return { file: tooLarge?.(chosen.name) ?? '' };
    return {};
  };
  const send = async () => {
    if (!chosen) return;
    if (progressLabel) setProgress(0);
    try {
      await onUpload(chosen, progressLabel ? setProgress : () => {});
      setChosen(null);
    } finally {
      setProgress(null);
    }
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormErrorSummary error={error} labels={{ file: label, ...props.labels }} />
        {props.children}
        <Group align="flex-end" wrap="wrap">
          <FileInput
            label={label}
            description={props.description}
            accept={props.accept}
            value={chosen}
            onChange={setChosen}
            error={errors.file}
            clearable
            clearButtonProps={{ 'aria-label': props.clearLabel }}
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button type="submit" loading={pending}>
            {props.submitLabel}
          </Button>
        </Group>
        {progress !== null && progressLabel && (
          <Progress value={percent} aria-label={progressLabel(percent)} />
        )}
      </Stack>
    </form>
  );
}
