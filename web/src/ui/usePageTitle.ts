import { useEffect } from 'react';
import { t } from '../i18n';

/** Sets the document title ("Adhérents · Maillage") so screen readers and tabs say where the user is. */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title]);
}
