import { pino, type Logger } from 'pino';

/** Structured JSON logs (pino). Secrets and tokens are redacted wherever they appear in log objects. */
export function createLogger(level = process.env.DROPSHIP_LOG_LEVEL ?? 'info', name = 'dropship'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['*.password', '*.token', '*.apiKey', '*.authorization', 'req.headers.authorization', 'req.headers.cookie', '*.accessToken', '*.consumerSecret', '*.refreshToken', 'options.url'],
      censor: '[redacted]',
    },
  });
}
export type { Logger };
