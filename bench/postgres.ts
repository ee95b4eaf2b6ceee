import pg from 'pg';

/** A throwaway database on the machine's PostgreSQL, or null when there is none. */
export async function withScratchPostgres<T>(run: (url: string) => Promise<T>): Promise<T | null> {
  const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `maillage_bench_${Date.now().toString(36)}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
