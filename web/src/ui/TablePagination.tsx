import { Group, Pagination, Text } from '@mantine/core';
import { t, tn } from '../i18n';

interface Props {
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}

const controlLabels = {
  first: 'table.firstPage',
  previous: 'table.previousPage',
  next: 'table.nextPage',
  last: 'table.lastPage',
} as const;

/** "53 résultats" and the page links under a table. */
export function TablePagination({ total, page, pageSize, onPageChange }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="sm" wrap="wrap">
      <Text size="sm" role="status" aria-live="polite">
        {tn('table.results', total)}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('table.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPageChange}
            withEdges={pages > 5}
            getControlProps={(control) => ({ 'aria-label': t(controlLabels[control]) })}
            getItemProps={(item) => ({ 'aria-label': t('table.page', { page: item }) })}
          />
        </nav>
      )}
    </Group>
  );
}
