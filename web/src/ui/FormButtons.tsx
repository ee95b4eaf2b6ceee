import { Button, Group } from '@mantine/core';
import { t } from '../i18n';

interface Props {
  onCancel: () => void;
  /** "Enregistrer" unless the form says what it does. */
  submitLabel?: string;
  pending?: boolean;
  disabled?: boolean;
}

/** The foot of a form in a dialog: cancel, then the submit button of the enclosing form. */
export function FormButtons({ onCancel, submitLabel, pending, disabled }: Props) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending} disabled={disabled}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
