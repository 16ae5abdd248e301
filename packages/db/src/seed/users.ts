import { type Algorithm, hash } from '@node-rs/argon2';
import type { DemoUsername, UserSeed } from './types.ts';

/**
 * Demo-only passwords, exported so that the README, the tests and the browser journeys can sign
 * in. They are public: a real installation must change or remove these accounts.
 */
export const DEMO_PASSWORDS: Readonly<Record<DemoUsername, string>> = {
  admin: 'Samarkiv-admin-2026',
  koordinator: 'Samarkiv-koordinator-2026',
  arkivar: 'Samarkiv-arkivar-2026',
  leser: 'Samarkiv-leser-2026',
};

// One user per role. The coordinator and the archivist act for two municipalities each, so
// that "own municipality" rules have something to bite on.
export const DEMO_USERS: readonly UserSeed[] = [
  {
    username: 'admin',
    displayName: 'Ingrid Haugen',
    email: 'admin@example.org',
    memberships: [{ municipality: '3303', role: 'ADMIN' }],
  },
  {
    username: 'koordinator',
    displayName: 'Lars Bakken',
    email: 'koordinator@example.org',
    memberships: [
      { municipality: '3303', role: 'COORDINATOR' },
      { municipality: '3332', role: 'COORDINATOR' },
    ],
  },
  {
    username: 'arkivar',
    displayName: 'Solveig Lie',
    email: 'arkivar@example.org',
    memberships: [
      { municipality: '3334', role: 'ARCHIVIST' },
      { municipality: '3336', role: 'ARCHIVIST' },
    ],
  },
  {
    username: 'leser',
    displayName: 'Per Moen',
    email: 'leser@example.org',
    memberships: [{ municipality: '3303', role: 'VIEWER' }],
  },
];

// Algorithm.Argon2id (= 2) is an ambient const enum, which verbatimModuleSyntax cannot read.
const ARGON2ID = 2 as Algorithm;

/** The parameters the API uses (OWASP's argon2id baseline); verify() reads them from the hash. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}
