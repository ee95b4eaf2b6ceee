import { useSearchParams } from 'react-router';

/**
 * The URL's search parameters, and a setter of one of them that removes it when empty. Filters
 * live in the URL (a shared link keeps them) without filling the history with each keystroke.
 */
export function useSearchParam(): [URLSearchParams, (key: string, value: string) => void] {
  const [search, setSearch] = useSearchParams();
  const setParam = (key: string, value: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return [search, setParam];
}
