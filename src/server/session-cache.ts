import type { Database } from '../db/client.ts';
import type { Caller } from './request-context.ts';

/**
 * Who a session cookie designates, kept in memory for a short while so that a signed-in
 * request does not cost a session lookup and a role lookup. Every app server drops a
 * user's entries when the database announces a change of their sessions (sign-out,
 * expiry), roles or name (`auth_changed`, migrations/0014_auth_notify.sql); entries also
 * expire after `ttlMs` and never outlive their session. While notifications may be missed,
 * nothing is served from memory.
 */
export interface SessionCache {
  get(key: string, load: () => Promise<CachedSession | null>): Promise<Caller | null>;
  /** Forgets what a session token designates (this server's sign-in and sign-out routes). */
  forget(token: string): void;
  /** Forgets every session of a user (this server's own change of that user's account). */
  forgetUser(userId: string): void;
  stop(): Promise<void>;
}

export interface CachedSession {
  auth: Caller | null;
  userId: string;
  expiresAt: Date;
}

interface Entry extends CachedSession {
  cachedAt: number;
}

const MAX_ENTRIES = 20_000;

export async function createSessionCache(
  database: Database,
  options: { ttlMs?: number; now?: () => number } = {},
): Promise<SessionCache> {
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let trusted = true;
  const dropUser = (userId: string) => {
    for (const [key, entry] of entries) if (entry.userId === userId) entries.delete(key);
  };
  const unlisten = await database.listen('auth_changed', {
    onNotify: (payload) => (payload === '*' ? entries.clear() : dropUser(payload)),
    onLost: () => {
      trusted = false;
      entries.clear();
    },
    onRestored: () => {
      entries.clear();
      trusted = true;
    },
  });
  return {
    async get(key, load) {
      const hit = entries.get(key);
      const at = now();
      if (hit && at - hit.cachedAt < ttlMs && hit.expiresAt.getTime() > at) return hit.auth;
      const loaded = await load();
      if (!loaded) {
        entries.delete(key);
        return null;
      }
      if (trusted) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(key, { ...loaded, cachedAt: at });
      }
      return loaded.auth;
    },
    forget(token) {
      for (const key of entries.keys()) if (key.startsWith(`${token}\n`)) entries.delete(key);
    },
    forgetUser: dropUser,
    stop: unlisten,
  };
}

/** The session token of a Cookie header (Better Auth's `…session_token` cookie), if any. */
export function sessionToken(cookieHeader: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    // Behind TLS the name carries the __Secure- prefix.
    if (name.includes('maillage') && name.endsWith('session_token')) return part.slice(separator + 1).trim();
  }
  return undefined;
}
