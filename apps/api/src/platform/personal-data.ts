import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encryption of sensitive identifiers (the BSN) at rest: AES-256-GCM with a key derived from the data key, and a
 * keyed hash (HMAC-SHA-256 with a second derived key) so that a BSN can be looked up without decrypting anything.
 * The data key comes from `VOORDEUR_DATA_KEY` (base64, 32 bytes; every app node must share it); an embedded
 * installation without one keeps a generated key in its data directory.
 */
let keys: { enc: Buffer; mac: Buffer; tracking: Buffer } | undefined;

export function useDataKey(key: Buffer) {
  if (key.length !== 32) throw new Error('VOORDEUR_DATA_KEY must be 32 bytes (base64)');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));
  keys = {
    enc: derive('voordeur/bsn-encryption'),
    mac: derive('voordeur/bsn-lookup'),
    tracking: derive('voordeur/case-tracking'),
  };
}

/** The configured key, or one kept in the data directory (created once), or for in-memory databases a fresh one. */
export function loadDataKey(options: {
  dataKey?: string | undefined;
  dataDir: string;
  databaseUrl?: string | undefined;
}) {
  if (options.dataKey) return Buffer.from(options.dataKey, 'base64');
  if (options.dataDir.startsWith('memory://')) return randomBytes(32);
  const file = join(options.dataDir, 'voordeur-data.key');
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

function current() {
  if (!keys) throw new Error('The data key is not configured (useDataKey)');
  return keys;
}

const VERSION = 1;

/** version (1 byte) | iv (12) | tag (16) | ciphertext */
export function encryptIdentifier(value: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current().enc, iv);
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), data]);
}

export function decryptIdentifier(blob: Buffer): string {
  if (blob[0] !== VERSION) throw new Error('Unknown encryption version');
  const decipher = createDecipheriv('aes-256-gcm', current().enc, blob.subarray(1, 13));
  decipher.setAuthTag(blob.subarray(13, 29));
  return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
}

/** The lookup hash of an identifier: equal inputs give equal hashes, and without the key it says nothing. */
export function identifierHash(value: string): string {
  return createHmac('sha256', current().mac).update(value).digest('base64url');
}

/**
 * A keyed hash for another purpose than the BSN lookup (case tracking links, counting requests per address),
 * with its own key derived from the data key: without the data key it can be neither made nor checked.
 */
export function purposeHmac(purpose: string, value: string): Buffer {
  return createHmac('sha256', current().tracking).update(`${purpose}\u0000${value}`).digest();
}

/**
 * A signature over a value the server hands out and wants back unchanged (the portal's form token): HMAC-SHA-256
 * with its own key derived from the data key, so every app node that shares the key checks it.
 */
export function signature(value: string): string {
  return purposeHmac('form-signing', value).toString('base64url');
}
