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
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

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
