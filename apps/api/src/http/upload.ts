import Busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { readBody } from './body';
import { HttpProblem } from './problem';

export interface Upload {
  readonly bytes: Buffer;
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly fields: Readonly<Record<string, string>>;
}

/** Reads an upload: a raw body (text/csv, xlsx…) or multipart/form-data with a `file` part. */
export async function readUpload(req: IncomingMessage, limit: number): Promise<Upload> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) {
    return { bytes: await readBody(req, limit), filename: undefined, contentType: type.split(';')[0] || undefined, fields: {} };
  }
  return new Promise<Upload>((resolve, reject) => {
    let bb: ReturnType<typeof Busboy>;
    try {
      bb = Busboy({ headers: req.headers, limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 16 * 1024 } });
    } catch (e) {
      return reject(new HttpProblem(400, 'REQUEST.MALFORMED_MULTIPART', `The multipart body cannot be read: ${(e as Error).message}`));
    }
    const fields: Record<string, string> = {};
    let file: { bytes: Buffer; filename: string | undefined; contentType: string | undefined } | undefined;
    let failed = false;
    const fail = (p: HttpProblem) => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      req.resume();
      reject(p);
    };
    bb.on('field', (name, val) => (fields[name] = val));
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => fail(new HttpProblem(413, 'REQUEST.TOO_LARGE', `The file is larger than ${Math.round(limit / 1024 / 1024)} MiB.`)));
      stream.on('end', () => {
        if (name === 'file') file = { bytes: Buffer.concat(chunks), filename: info.filename, contentType: info.mimeType };
      });
    });
    bb.on('error', (e) => fail(new HttpProblem(400, 'REQUEST.MALFORMED_MULTIPART', `The multipart body cannot be read: ${(e as Error).message}`)));
    bb.on('close', () => {
      if (failed) return;
      if (!file) return fail(new HttpProblem(400, 'IMPORT.NO_FILE', 'Send the spreadsheet in a multipart part named "file".', [{ path: '/file', message: 'is required' }]));
      resolve({ bytes: file.bytes, filename: file.filename, contentType: file.contentType, fields });
    });
    req.pipe(bb);
  });
}
