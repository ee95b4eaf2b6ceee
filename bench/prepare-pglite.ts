// Creates and migrates an embedded database in its own process, so that the memory
// initdb takes is not counted against what a server on an existing directory uses.
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: prepare-pglite.ts DATA_DIR');
const database = await openDatabase({ dataDir });
await migrate(database);
await database.close();
