import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route renders a document (PDF, DOCX, XLSX, a whole year's report): it waits for
     * one of the few render slots, and is refused with 503 when the queue is full.
     */
    render?: boolean;
  }
}

export interface RenderQueueOptions {
  /** Renders running at once (each holds a core and tens of MB while it runs). */
  concurrency: number;
  /** Renders waiting for a slot; one more is refused. */
  waiting: number;
  /** What `Retry-After` tells a refused caller, in seconds. */
  retryAfterSeconds: number;
}

/**
 * Twenty PDFs rendered at once pushed /api/health to 4.3 s on two cores: rendering holds
 * the event loop for long stretches. Two at a time, four waiting; the rest are told to
 * come back (a browser's download button, a script's retry loop).
 */
export const DEFAULT_RENDER_QUEUE: RenderQueueOptions = { concurrency: 2, waiting: 4, retryAfterSeconds: 10 };

export interface RenderQueue {
  /**
   * Takes a place at once (or throws `render.busy`, 503), then resolves with the function
   * that frees the slot once it is this caller's turn.
   */
  enter(): Promise<() => void>;
  readonly running: number;
  readonly queued: number;
}

export function createRenderQueue(options: RenderQueueOptions): RenderQueue {
  let running = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    running--;
    const next = queue.shift();
    if (next) {
      running++;
      next();
    }
  };
  const slot = () => {
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      release();
    };
  };
  return {
    get running() {
      return running;
    },
    get queued() {
      return queue.length;
    },
    enter() {
      if (running < options.concurrency) {
        running++;
        return Promise.resolve(slot());
      }
      if (queue.length >= options.waiting) {
        return Promise.reject(
          new AppError('render.busy', {
            params: { seconds: options.retryAfterSeconds },
            headers: { 'retry-after': String(options.retryAfterSeconds) },
          }),
        );
      }
      return new Promise((resolve) => queue.push(() => resolve(slot())));
    },
  };
}

/**
 * Routes with `config.render` wait for a render slot once the caller is let in and the
 * input is valid (preHandler: a refused or malformed request never takes a place), and
 * give it back when the answer is sent or the connection closes (a streamed render holds
 * its slot until its last line).
 */
export function installRenderQueue(app: FastifyInstance, queue: RenderQueue): void {
  const slots = new WeakMap<object, () => void>();
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.render) return;
    const free = await queue.enter();
    slots.set(request, free);
    reply.raw.once('close', free);
  });
  app.addHook('onResponse', async (request) => {
    slots.get(request)?.();
  });
}
