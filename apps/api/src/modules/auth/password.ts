import { type Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id parameters: 19 MiB memory, 2 iterations, 1 lane.
// Algorithm is an ambient const enum that isolated modules cannot read: 2 is its Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** How many argon2 verifications ran: lets a test prove an unknown user costs the same work. */
export const passwordStats = { verifications: 0 };

/**
 * Verifies a password against a hash. An unknown user is checked against a dummy hash, so that
 * a sign-in takes the same work whether the user exists or not (no guessing of usernames).
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('samarkiv-dummy-password-for-unknown-users');
  const target = passwordHash ?? (await dummyHash);
  try {
    passwordStats.verifications++;
    const ok = await verify(target, password);
    return ok && Boolean(passwordHash);
  } catch {
    return false;
  }
}
