import type { Database } from '../db/client.ts';

/**
 * Read-mostly answers (the public directory, the member figures) kept in memory per
 * delegation and dropped when the database announces a change (LISTEN/NOTIFY), so that
 * several app servers stay coherent without a query per request. This process's own
 * writes also drop their delegation at once, before the answer leaves (the notification
 * arrives a moment later). While notifications may be missed, nothing is served from memory.
 */
export interface ReadCache {
  get<T>(scope: string, key: string, load: () => Promise<T>): Promise<T>;
  invalidate(scope: string): void;
  /** Drops every scope (a delegation was created or renamed, notifications were lost). */
  clear(): void;
  stop(): Promise<void>;
}

const MAX_KEYS_PER_SCOPE = 500;

export async function createReadCache(database: Database, channel: string): Promise<ReadCache> {
  const scopes = new Map<string, Map<string, Promise<unknown>>>();
  let trusted = true;
  const invalidate = (scope: string) => {
    scopes.delete(scope);
  };
  const clear = () => scopes.clear();
  const unlisten = await database.listen(channel, {
    onNotify: (payload) => {
      // '*': a change made outside any delegation's transaction; drop everything.
      if (payload === '*') return clear();
      // A delegation row's change may alter which delegation a public page resolves to.
      invalidate(payload);
      scopes.delete('*');
    },
    onLost: () => {
      trusted = false;
      clear();
    },
    onRestored: () => {
      clear();
      trusted = true;
    },
  });
  return {
    async get<T>(scope: string, key: string, load: () => Promise<T>): Promise<T> {
      if (!trusted) return load();
      let entries = scopes.get(scope);
      if (!entries) {
        entries = new Map();
        scopes.set(scope, entries);
      }
      const cached = entries.get(key);
      if (cached) return cached as Promise<T>;
      // Free-text queries make keys unbounded: past a limit, start the scope afresh.
      if (entries.size >= MAX_KEYS_PER_SCOPE) entries.clear();
      const loading = load();
      entries.set(key, loading);
      const owner = entries;
      loading.catch(() => owner.delete(key));
      return loading;
    },
    invalidate,
    clear,
    stop: unlisten,
  };
}
