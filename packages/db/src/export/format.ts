/**
 * The export file, version 1 (docs/EXPORT.md describes it for readers without this code).
 * Inside gzip, one JSON value per line: a header object, then per table a table object followed
 * by its rows (arrays of column values as PostgreSQL's text form, or null), then a trailer.
 */
export const FORMAT_NAME = 'samarkiv-export';
export const FORMAT_VERSION = 1;
export const ENCRYPTED_FORMAT_NAME = 'samarkiv-export-encrypted';

export interface HeaderLine {
  kind: 'header';
  format: typeof FORMAT_NAME;
  version: number;
  /** The source's latest applied migration: the target must be migrated to exactly this one. */
  migration: string;
  createdAt: string;
  /** The backend the file was written from (information only). */
  source: 'pglite' | 'postgres';
  options: { includeSecrets: boolean };
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface TableLine {
  kind: 'table';
  name: string;
  columns: string[];
  /** Columns left out of this file (secrets without --include-secrets): they get their default. */
  omitted: string[];
  /** Sequences owned by the table's columns, as they stood at export. */
  sequences: SequenceState[];
}

export interface TrailerLine {
  kind: 'trailer';
  /** Rows written per table, in file order. */
  rows: Record<string, number>;
  /** SHA-256 (hex) of every byte of every line before this one, newlines included. */
  sha256: string;
}

export type RowLine = (string | null)[];

/** The encrypted file's clear first line; the gzip'd export follows as AES-256-GCM ciphertext, then its 16-byte tag. */
export interface EncryptionHeader {
  format: typeof ENCRYPTED_FORMAT_NAME;
  version: number;
  cipher: 'aes-256-gcm';
  kdf: { name: 'scrypt'; N: number; r: number; p: number };
  salt: string;
  nonce: string;
  /** Derived with the key (never the key): tells a wrong passphrase apart before anything is read. */
  check: string;
}
