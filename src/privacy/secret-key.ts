/**
 * Keyed fingerprints of personal data.
 *
 * The survey import remembers what it wrote into each registry field, to
 * tell its own values from values a person typed by hand. A plain hash of an
 * e-mail address lets anyone who knows the address confirm it is there, so
 * the fingerprint is an HMAC with a secret key that never enters the
 * repository: `NASTAVNIK_SECRET_FILE`, by default `secret.key` in the private
 * folder (created on first use from the system's random source, readable by
 * its owner only). Losing the key is safe: every value then looks typed by
 * hand, and the import asks before replacing it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { privateDir } from '../io/private-dir.ts';

/** The key file cannot be used; the message says which and what to do. */
export class SecretKeyError extends Error {}

/** The key file: `$NASTAVNIK_SECRET_FILE` or `secret.key` in the private folder. */
export function secretKeyFile(): string {
  return path.resolve(process.env.NASTAVNIK_SECRET_FILE ?? privateDir('secret.key'));
}

/** The secret key, created (32 random bytes, mode 600) when the file does not exist yet. */
export function secretKey(file = secretKeyFile()): Buffer {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, `${crypto.randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another process created it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length < 16)
    throw new SecretKeyError(
      `${file}: ключ повреждён или короче 16 байт — восстановите его из резервной копии или удалите файл (будет создан новый)`,
    );
  return key;
}

/** An HMAC-SHA256 fingerprint of a value: enough to notice a change, useless without the key. */
export function keyedFingerprint(key: Buffer, value: unknown): string {
  return crypto
    .createHmac('sha256', key)
    .update(JSON.stringify(value ?? null))
    .digest('hex')
    .slice(0, 32);
}
