import type pg from 'pg';

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: Error | boolean) => void,
) => void;

/**
 * A query that timed out on the client side (`query_timeout`: no answer at all) leaves its
 * connection mid-conversation: the driver would send the next query behind the lost one,
 * and behind a silent network every later query would wait for the timeout again. The
 * connection is destroyed at once and the client goes back to the pool, which discards it
 * and opens a fresh one when the database answers again.
 */
function discardOnTimeout(client: pg.PoolClient): void {
  const query = client.query as (...args: unknown[]) => unknown;
  const onFailure = (error: unknown) => {
    if (!(error instanceof Error) || error.message !== 'Query read timeout') return;
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    client.release(error);
  };
  client.query = ((...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        if (error) onFailure(error);
        last(error, result);
      };
      return query.apply(client, args);
    }
    const result = query.apply(client, args);
    if (result instanceof Promise) result.catch(onFailure);
    return result;
  }) as typeof client.query;
}

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
    discardOnTimeout(client);
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
