/**
 * Just enough MIME (RFC 2045/2047) to read back what nodemailer sends in tests: unfolded headers,
 * encoded-word subjects, multipart bodies, base64 and quoted-printable parts. Not for production.
 */
export interface ParsedMail {
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const sep = raw.search(/\r?\n\r?\n/);
  const head = sep < 0 ? raw : raw.slice(0, sep);
  const body = sep < 0 ? '' : raw.slice(sep).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const key = line.slice(0, i).trim().toLowerCase();
    if (!headers.has(key)) headers.set(key, line.slice(i + 1).trim());
  }
  return { headers, body };
}

function qpBytes(s: string, underscoreIsSpace: boolean): Buffer {
  const src = underscoreIsSpace ? s.replace(/_/g, ' ') : s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words; adjacent words join without the whitespace between them. */
export function decodeWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  const chunks: Buffer[] = [];
  let last = 0;
  let out = '';
  const flush = () => {
    if (chunks.length) out += Buffer.concat(chunks.splice(0)).toString('utf8');
  };
  for (const m of joined.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)) {
    if (m.index > last) {
      flush();
      out += joined.slice(last, m.index);
    }
    chunks.push(m[2]!.toUpperCase() === 'B' ? Buffer.from(m[3]!, 'base64') : qpBytes(m[3]!, true));
    last = m.index + m[0].length;
  }
  flush();
  return out + joined.slice(last);
}

function decodeBody(part: Part): string {
  const cte = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (cte === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable') return qpBytes(part.body, false).toString('utf8');
  return part.body;
}

function leaves(part: Part, found: { text?: string; html?: string }): void {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const sections = part.body.split(`--${boundary}`).slice(1);
    for (const s of sections) {
      if (s.startsWith('--')) break;
      leaves(splitPart(s.replace(/^\r?\n/, '')), found);
    }
  } else if (/^text\/html/i.test(type)) {
    found.html ??= decodeBody(part);
  } else if (/^text\/plain/i.test(type)) {
    found.text ??= decodeBody(part);
  }
}

export function parseMail(raw: string): ParsedMail {
  const root = splitPart(raw);
  const found: { text?: string; html?: string } = {};
  leaves(root, found);
  // A part's trailing CRLF before the next boundary belongs to the boundary, not the content.
  const trim = (s: string) => s.replace(/\r?\n$/, '');
  return {
    headers: root.headers,
    subject: decodeWords(root.headers.get('subject') ?? ''),
    text: trim(found.text ?? ''),
    ...(found.html !== undefined ? { html: trim(found.html) } : {}),
  };
}
