import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient, Role } from '@samarkiv/db';
import type { ApiConfig } from '../../config.ts';

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  mustChangePassword: boolean;
  /** A confirmed TOTP second factor. */
  mfaEnabled: boolean;
  remindersEnabled: boolean;
  memberships: { municipalityId: number; role: Role }[];
  roles: ReadonlySet<Role>;
  isAdmin: boolean;
}

export interface AuthSession {
  idHash: string;
  expiresAt: Date;
  /** 'password' or 'oidc:<provider id>'. */
  method: string;
}

// Touching last_seen_at on every request would turn each read into a write; once a minute is
// precise enough for a 30-minute idle timeout.
const TOUCH_AFTER_MS = 60_000;

/** The cookie carries the random id; the database only its SHA-256, so a leaked table is no key. */
export function hashSessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  prisma: PrismaClient,
  config: ApiConfig,
  userId: number,
  meta: { clientAddress: string | null; userAgent: string | null; method?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + config.session.absoluteMinutes * 60_000);
  await prisma.session.create({
    data: { idHash: hashSessionId(token), userId, expiresAt, clientAddress: meta.clientAddress, userAgent: meta.userAgent?.slice(0, 300) ?? null, method: meta.method ?? 'password' },
  });
  return { token, expiresAt };
}

interface SessionRow {
  idHash: string;
  expiresAt: Date;
  lastSeenAt: Date;
  method: string;
  user: Omit<AuthUser, 'roles' | 'isAdmin'> & { isActive: boolean };
}

export async function resolveSession(prisma: PrismaClient, config: ApiConfig, token: string | undefined): Promise<{ user: AuthUser; session: AuthSession } | null> {
  if (!token || token.length > 100) return null;
  const idHash = hashSessionId(token);
  // One statement on every request: Prisma's nested read of session, user and memberships took
  // three round trips.
  const [row] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."id_hash" AS "idHash", s."expires_at" AS "expiresAt", s."last_seen_at" AS "lastSeenAt", s."method",
      json_build_object(
        'id', u."id", 'username', u."username", 'displayName', u."display_name", 'email', u."email",
        'isActive', u."is_active", 'mustChangePassword', u."must_change_password",
        'remindersEnabled', u."reminders_enabled",
        'mfaEnabled', EXISTS (SELECT 1 FROM "user_totp" t WHERE t."user_id" = u."id" AND t."confirmed_at" IS NOT NULL),
        'memberships', COALESCE((SELECT json_agg(json_build_object('municipalityId', m."municipality_id", 'role', m."role") ORDER BY m."id") FROM "membership" m WHERE m."user_id" = u."id"), '[]'::json)
      ) AS "user"
    FROM "session" s JOIN "app_user" u ON u."id" = s."user_id"
    WHERE s."id_hash" = ${idHash}`;
  if (!row) return null;
  // json arrives parsed from one driver adapter and as text from another.
  if (typeof row.user === 'string') row.user = JSON.parse(row.user) as SessionRow['user'];
  const now = Date.now();
  const idleExpired = now - row.lastSeenAt.getTime() > config.session.idleMinutes * 60_000;
  if (now >= row.expiresAt.getTime() || idleExpired || !row.user.isActive) {
    await prisma.session.deleteMany({ where: { idHash } });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.session.updateMany({ where: { idHash }, data: { lastSeenAt: new Date(now) } });
  }
  // A forced password change concerns the password: a session from an identity provider did not use one.
  if (row.method !== 'password') row.user.mustChangePassword = false;
  return { user: toAuthUser(row.user), session: { idHash: row.idHash, expiresAt: row.expiresAt, method: row.method } };
}

export function toAuthUser(user: Omit<AuthUser, 'roles' | 'isAdmin'>): AuthUser {
  const roles = new Set(user.memberships.map((m) => m.role));
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    mustChangePassword: user.mustChangePassword,
    mfaEnabled: user.mfaEnabled,
    remindersEnabled: user.remindersEnabled,
    memberships: user.memberships,
    roles,
    isAdmin: roles.has('ADMIN'),
  };
}

/** The municipalities where the user holds one of the roles. */
export function municipalitiesWithRole(user: AuthUser, roles: readonly Role[]): number[] {
  return user.memberships.filter((m) => roles.includes(m.role)).map((m) => m.municipalityId);
}

/**
 * An ADMIN signed in with a password must hold a second factor (when the setting requires it);
 * one who came through an identity provider has that provider's own sign-in rules.
 */
export function mfaSetupRequired(user: AuthUser, session: AuthSession | null, config: ApiConfig): boolean {
  return config.mfa.admins === 'required' && user.isAdmin && !user.mfaEnabled && session?.method === 'password';
}
