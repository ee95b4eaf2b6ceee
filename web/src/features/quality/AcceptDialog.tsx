import { t } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import type { QualityProblem } from './api';

interface Props {
  /** The problem to accept; null keeps the dialog closed. */
  problem: QualityProblem | null;
  onClose: () => void;
  onAccept: (problem: QualityProblem, reason: string) => Promise<unknown>;
}

/** Asks why a problem is accepted as it is: the reason is required and shown to the team. */
export function AcceptDialog({ problem, onClose, onAccept }: Props) {
  return (
    <FormModal
      opened={problem !== null}
      title={t('quality.accept.title')}
      fields={[
        {
          name: 'reason',
          kind: 'textarea',
          label: t('quality.accept.reason'),
          description: problem?.message ?? '',
          required: true,
        },
      ]}
      initialValues={{ reason: '' }}
      onClose={onClose}
      submitLabel={t('quality.accept.submit')}
      onSubmit={(values) =>
        problem
          ? onAccept(problem, typeof values.reason === 'string' ? values.reason : '')
          : Promise.resolve()
      }
    />
  );
}
