import { Button, Group } from '@mantine/core';
import { query } from '../../../app/api';
import { t } from '../../../i18n';
import type { ListParams } from '../types';

/**
 * Downloads of the list as shown: plain links (the session cookie goes along) carrying
 * the list's filters and order, without the page, since a file holds every page.
 */
export function ExportButtons({ params }: { params: ListParams }) {
  const search = query({
    q: params.q,
    type: params.type,
    department: params.department,
    membership: params.membership,
    sort: params.sort,
  });
  const base = '/api/members/organisations/export';
  return (
    <Group gap="xs">
      <Button component="a" href={`${base}.csv${search}`} download variant="default">
        {t('members.export.csv')}
      </Button>
      <Button component="a" href={`${base}.xlsx${search}`} download variant="default">
        {t('members.export.xlsx')}
      </Button>
    </Group>
  );
}
