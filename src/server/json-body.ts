import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A JSON answer kept in memory: serialised once and gzipped once, since every browser
 * asks for gzip and a year's chronicle is several hundred kilobytes of repetitive text.
 */
export interface JsonBody {
  json: string;
  gzip: Buffer;
}

export function jsonBody(value: unknown): JsonBody {
  const json = JSON.stringify(value);
  return { json, gzip: gzipSync(json) };
}

/** Sends the gzipped bytes to a client that accepts them, the plain text to any other. */
export function sendJsonBody(request: FastifyRequest, reply: FastifyReply, body: JsonBody): FastifyReply {
  reply.header('vary', 'accept-encoding').type('application/json; charset=utf-8');
  if (/\bgzip\b/i.test(request.headers['accept-encoding'] ?? '')) {
    return reply.header('content-encoding', 'gzip').send(body.gzip);
  }
  return reply.send(body.json);
}
