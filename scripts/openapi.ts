// Writes docs/openapi.json from the routes' Zod schemas. CI regenerates it and fails on drift.
import { writeFile } from 'node:fs/promises';
import { openDatabase } from '../src/db/client.ts';
import { createAuth } from '../src/modules/accounts/auth.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

const database = await openDatabase({ dataDir: 'memory://' });
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const auth = createAuth({
  db: database.db,
  baseUrl: config.baseUrl,
  secret: 'openapi-generation-only-not-a-secret',
  sessionMaxAgeHours: 1,
});
const app = await buildApp({ config, database, auth, mailer: { send: async () => {} } }, { webDist: null });
await app.ready();
const document = app.swagger();
await writeFile(new URL('../docs/openapi.json', import.meta.url), `${JSON.stringify(document, null, 2)}\n`);
await app.close();
await database.close();
console.log(`docs/openapi.json: ${Object.keys(document.paths ?? {}).length} paths`);
