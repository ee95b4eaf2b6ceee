import { isIP } from 'node:net';
import { z } from 'zod';

// Every setting comes from the environment and is checked once, at start:
// a bad value stops the process with a message naming the variable.
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
    .optional(),
  // Behind a transaction-mode pooler (pgbouncer) LISTEN does not work: a direct connection for it.
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
    .optional(),
  // How long to wait on PostgreSQL (docs/security.md, "Limits and timeouts"); ignored by PGlite.
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  BASE_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32, 'au moins 32 caractères').optional(),
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'doit commencer par smtp:// ou smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Maillage <no-reply@maillage.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_DELEGATION: z.string().min(1).optional(),
  TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
});

/**
 * Which proxies may say who the client is (X-Forwarded-For, -Proto, -Host): a number of hops
 * or the proxies' addresses, as Fastify's `trustProxy` takes them. `true` is refused: it
 * trusts the left-most X-Forwarded-For, which the client writes itself, so that every
 * sign-in attempt could claim a new address (docs/decisions/013-*.md).
 */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): false | number | string[] {
  const text = value.trim().toLowerCase();
  if (text === 'false' || text === '0') return false;
  if (text === 'true') {
    ctx.addIssue({
      code: 'custom',
      message:
        "« true » n'est plus accepté : il croirait l'adresse que le client écrit lui-même dans X-Forwarded-For. " +
        'Donnez le nombre de proxys devant Maillage (TRUST_PROXY=1) ou leurs adresses (TRUST_PROXY=10.0.0.5,10.1.0.0/16). ' +
        '/ "true" is refused: it would trust the address the client writes in X-Forwarded-For; ' +
        "give the number of proxy hops (TRUST_PROXY=1) or the proxies' addresses or CIDRs.",
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) {
      ctx.addIssue({ code: 'custom', message: 'au plus 10 proxys / at most 10 proxy hops' });
      return z.NEVER;
    }
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isProxyAddress(entry));
  if (wrong.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message:
        `${wrong.map((entry) => `« ${entry} »`).join(', ')} : ni un nombre de proxys, ni une adresse IP, ni un réseau CIDR ` +
        '(ex. TRUST_PROXY=1 ou TRUST_PROXY=10.0.0.5,10.1.0.0/16) / neither a number of proxy hops nor an IP address or CIDR',
    });
    return z.NEVER;
  }
  return entries;
}

/** An IPv4/IPv6 address, a CIDR network, or one of proxy-addr's names for private ranges. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

export type RawConfig = z.infer<typeof configSchema>;
export type Config = RawConfig & {
  baseUrl: string;
  /** Origins whose pages may send cookie-carrying changes (CSRF) and sign in. */
  trustedOrigins: string[];
  databaseKind: 'pglite' | 'postgres';
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) =>
          `${issue.path.join('.')} : ${issue.message} (valeur reçue : ${JSON.stringify(env[String(issue.path[0])])})`,
      ),
    );
  }
  const raw = parsed.data;
  if (raw.NODE_ENV === 'production' && !raw.AUTH_SECRET) {
    throw new ConfigError(['AUTH_SECRET : obligatoire en production (au moins 32 caractères aléatoires)']);
  }
  // Without BASE_URL the app is reached on this machine, by name or by address.
  const local = ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${raw.PORT}`);
  return {
    ...raw,
    baseUrl: raw.BASE_URL ?? `http://localhost:${raw.PORT}`,
    trustedOrigins: raw.BASE_URL ? [new URL(raw.BASE_URL).origin] : local,
    databaseKind: raw.DATABASE_URL ? 'postgres' : 'pglite',
  };
}
