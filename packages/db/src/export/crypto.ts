import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Transform } from 'node:stream';
import { ExportError } from './errors.ts';
import { ENCRYPTED_FORMAT_NAME, type EncryptionHeader } from './format.ts';

const TAG_BYTES = 16;
// scrypt's cost: about 0.1 s and 32 MB here, so a passphrase cannot be guessed fast.
const KDF = { name: 'scrypt', N: 2 ** 15, r: 8, p: 1 } as const;

function deriveKey(passphrase: string, salt: Buffer, kdf: EncryptionHeader['kdf']): Promise<{ key: Buffer; check: Buffer }> {
  return new Promise((resolve, reject) => {
    const { N, r, p } = kdf;
    scrypt(passphrase.normalize('NFC'), salt, 48, { N, r, p, maxmem: 256 * N * r }, (error, derived) => {
      if (error) reject(error);
      else resolve({ key: derived.subarray(0, 32), check: derived.subarray(32) });
    });
  });
}

/** A stream that writes the clear header line, the AES-256-GCM ciphertext of its input, then the tag. */
export async function encryptingStream(passphrase: string): Promise<Transform> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const { key, check } = await deriveKey(passphrase, salt, KDF);
  const header: EncryptionHeader = { format: ENCRYPTED_FORMAT_NAME, version: 1, cipher: 'aes-256-gcm', kdf: KDF, salt: salt.toString('base64'), nonce: nonce.toString('base64'), check: check.toString('base64') };
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  // The header is authenticated too: a changed salt or cost is a damaged file, not a wrong passphrase.
  cipher.setAAD(headerLine);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!started) {
        started = true;
        this.push(headerLine);
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      if (!started) this.push(headerLine);
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
}

export function parseEncryptionHeader(line: string): EncryptionHeader | null {
  try {
    const header = JSON.parse(line) as EncryptionHeader;
    return header.format === ENCRYPTED_FORMAT_NAME ? header : null;
  } catch {
    return null;
  }
}

/**
 * Decrypts what follows the header line. GCM proves the whole file only at its end, so the
 * last 16 bytes are held back as the tag and a failure surfaces when the stream ends: the
 * import runs inside one transaction and rolls back.
 */
export async function decryptingStream(header: EncryptionHeader, headerLine: Buffer, passphrase: string): Promise<Transform> {
  if (header.version !== 1 || header.cipher !== 'aes-256-gcm' || header.kdf?.name !== 'scrypt') {
    throw new ExportError('EXPORT_FILE_UNREADABLE', `The file is encrypted in a way this version of Samarkiv does not know (version ${header.version}, ${header.cipher}).`);
  }
  const { key, check } = await deriveKey(passphrase, Buffer.from(header.salt, 'base64'), header.kdf);
  const expected = Buffer.from(header.check, 'base64');
  if (expected.length !== check.length || !timingSafeEqual(expected, check)) {
    throw new ExportError('EXPORT_WRONG_PASSPHRASE', 'The passphrase does not open this file. Nothing was written.');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.nonce, 'base64'));
  decipher.setAAD(headerLine);
  let tail = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const data = Buffer.concat([tail, chunk]);
      tail = data.subarray(Math.max(0, data.length - TAG_BYTES));
      done(null, decipher.update(data.subarray(0, data.length - tail.length)));
    },
    flush(done) {
      try {
        if (tail.length !== TAG_BYTES) throw new Error('too short');
        decipher.setAuthTag(tail);
        done(null, decipher.final());
      } catch (error) {
        done(new ExportError('EXPORT_FILE_DAMAGED', 'The encrypted file is truncated or was changed after it was written (its authentication tag does not match). Nothing was written.', { cause: error }));
      }
    },
  });
}
