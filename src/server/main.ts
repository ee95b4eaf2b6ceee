import { ConfigError, loadConfig } from './config.ts';

const started = performance.now();

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  // The configuration is checked before anything heavy loads; then the database opens
  // (WASM compilation runs in the background) while the HTTP modules load.
  const runtimeReady = import('./runtime.ts').then(({ openRuntime }) => openRuntime(config));
  const [{ buildApp }, { isEmpty, loadDemo }, { SetupGate, newSetupCode }, runtime] = await Promise.all([
    import('./app.ts'),
    import('../db/seed/demo.ts'),
    import('../modules/delegations/setup.gate.ts'),
    runtimeReady,
  ]);
  // Only an embedded database in development is filled automatically; a PostgreSQL one gets the demo
  // through `npx maillage seed demo`, so a real installation never receives it by accident.
  // In production neither: a real delegation starts with its own data (the first run).
  const seeded =
    runtime.database.kind === 'pglite' &&
    config.NODE_ENV !== 'production' &&
    (await isEmpty(runtime.database));
  if (seeded) await loadDemo(runtime.database, runtime.auth);
  // No delegation (production, or PostgreSQL without the demo): the first run opens, with a
  // one-time code that only whoever reads this server's log knows.
  const setupCode = (await isEmpty(runtime.database)) ? newSetupCode() : null;

  const app = await buildApp(
    { ...runtime, setupGate: new SetupGate(setupCode) },
    {
      logger: {
        level: config.LOG_LEVEL,
        ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty' } } : {}),
      },
    },
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stop accepting, let requests in flight finish, then close the database cleanly.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await runtime.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(
    {
      database: runtime.database.kind,
      demoLoaded: seeded,
      readyInMs: Math.round(performance.now() - started),
      sinceProcessStartMs: Math.round(process.uptime() * 1000),
    },
    `Maillage prêt sur ${config.baseUrl}`,
  );
  // On stderr, whatever LOG_LEVEL says: the operator must see it to finish the installation.
  if (setupCode)
    process.stderr.write(
      [
        '',
        "Première installation : aucune délégation n'existe encore.",
        `Ouvrez ${config.baseUrl}/installation et saisissez ce code d'installation : ${setupCode}`,
        "(valable pour une seule installation ; un nouveau code est donné à chaque démarrage tant qu'aucune délégation n'existe)",
        '',
      ].join('\n'),
    );
}

main().catch((error) => {
  process.stderr.write(
    `Échec du démarrage : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
