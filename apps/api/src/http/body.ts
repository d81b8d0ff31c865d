import type { IncomingMessage } from 'node:http';
import { HttpProblem } from './problem';

/** Reads the request body into memory, refusing more than `limit` bytes with a 413 (before buffering it all). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw tooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

const tooLarge = (limit: number) =>
  new HttpProblem(413, 'REQUEST.TOO_LARGE', `The request body is larger than ${Math.round(limit / 1024)} KiB.`);

/** Parses a JSON body; malformed JSON is a 400 that says where it broke. */
export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw new HttpProblem(400, 'REQUEST.MALFORMED_JSON', `The body is not valid JSON: ${(e as Error).message}`);
  }
}
