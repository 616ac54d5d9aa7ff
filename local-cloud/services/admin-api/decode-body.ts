import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { HttpError } from '../../core/http';

export interface AdminBody {
  params: Record<string, any>;
  file?: Buffer;
  /** The multipart field the file came in (signed under that name). */
  fileField?: string;
}

/**
 * The SDK posts JSON for every action it sends through the admin API; multipart (`isFormData` in
 * tcbapirequester.ts) is accepted too so a form-posting caller gets the same dispatch.
 */
export async function decodeAdminBody(req: IncomingMessage, body: Buffer): Promise<AdminBody> {
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('multipart/form-data')) return decodeMultipart(req, body);
  if (body.length === 0) return { params: {} };
  try {
    const params = JSON.parse(body.toString('utf8')) as unknown;
    if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new Error('not an object');
    return { params: params as Record<string, any> };
  } catch {
    throw new HttpError(400, 'INVALID_PARAM', 'request body is not a JSON object');
  }
}

function decodeMultipart(req: IncomingMessage, body: Buffer): Promise<AdminBody> {
  return new Promise((resolve, reject) => {
    const params: Record<string, any> = {};
    let file: Buffer | undefined;
    let fileField: string | undefined;
    const parser = busboy({ headers: req.headers });
    parser.on('field', (name, value) => {
      params[name] = value;
    });
    parser.on('file', (name, stream) => {
      fileField = name;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        file = Buffer.concat(chunks);
      });
    });
    parser.on('error', () => reject(new HttpError(400, 'INVALID_PARAM', 'malformed multipart body')));
    parser.on('close', () => resolve({ params, file, fileField }));
    parser.end(body);
  });
}
