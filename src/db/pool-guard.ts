import type pg from 'pg';

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: Error | boolean) => void,
) => void;

/**
 * A checked-out client whose connection breaks (database stopped, network cut) must go
 * back to the pool, which then discards it. Drizzle sends `begin` outside its
 * try/finally, so when that statement fails the client is never released: after a few
 * such failures the pool would be empty for good and the server would not recover when
 * the database returns. Here a client is released on its connection error (once; a
 * later release by its user does nothing), and that error no longer goes unhandled
 * (pg-pool listens on idle clients only, an unhandled 'error' would end the process).
 */
export function releaseBrokenClients(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (
    callback?: ConnectCallback,
  ) => Promise<pg.PoolClient> | undefined;
  const guard = (client: pg.PoolClient) => {
    const release = client.release;
    let released = false;
    const onError = (error: Error) => client.release(error);
    client.release = (error?: Error | boolean) => {
      if (released) return;
      released = true;
      client.off('error', onError);
      release(error);
    };
    client.on('error', onError);
    return client;
  };
  pool.connect = ((callback?: ConnectCallback) => {
    if (!callback) return (connect() as Promise<pg.PoolClient>).then(guard);
    connect((error, client, done) => {
      if (client) guard(client);
      callback(error, client, client ? client.release : done);
    });
    return undefined;
  }) as typeof pool.connect;
}
