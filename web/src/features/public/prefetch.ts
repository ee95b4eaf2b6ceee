import { queryClient } from '../../app/queryClient';
import { setupQuery } from '../setup/SetupGuard';
import { organisationQuery, structuresQuery, summaryQuery } from './api';
import { directoryFiltersOf, directoryPageOf } from './useDirectoryParams';

/**
 * The directory's data asked for by the route's loader, while the page's code is still
 * loading: the page then finds its queries under way instead of starting them once it has
 * rendered (about 180 ms later on a busy 2-core machine, issue 18's bench).
 */
export function prefetchDirectory(url: URL): null {
  const search = url.searchParams;
  void (async () => {
    // An installation with no delegation has no directory: the set-up guard sends the
    // visitor to the first run, and asking for the data would only earn 404s.
    const setup = await queryClient.ensureQueryData(setupQuery).catch(() => null);
    if (setup?.needed) return;
    void queryClient.prefetchQuery(structuresQuery(directoryFiltersOf(search), directoryPageOf(search)));
    void queryClient.prefetchQuery(summaryQuery);
    void queryClient.prefetchQuery(organisationQuery);
  })();
  return null;
}
