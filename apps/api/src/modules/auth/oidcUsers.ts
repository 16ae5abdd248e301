import type { PrismaClient } from '@samarkiv/db';
import type { IDToken } from 'openid-client';
import { recordAudit } from '../audit/audit.service.ts';
import type { SignInRequest } from './establish.ts';
import type { OidcProviderConfig } from './oidcConfig.ts';

export type OidcMatch = { ok: true; userId: number } | { ok: false; reason: 'unknown-user' | 'inactive' | 'unverified' };

/**
 * The Samarkiv user of a provider's account: the one linked to its `sub` before, or else the one
 * whose e-mail or username equals the configured claim (then linked). An e-mail claim counts only
 * when the provider says it is verified. Unknown: created as VIEWER when the provider allows it.
 */
export async function matchOidcUser(prisma: PrismaClient, r: SignInRequest, provider: OidcProviderConfig, claims: IDToken): Promise<OidcMatch> {
  const linked = await prisma.externalIdentity.findUnique({ where: { provider_subject: { provider: provider.id, subject: claims.sub } }, select: { id: true, user: { select: { id: true, isActive: true } } } });
  if (linked) {
    if (!linked.user.isActive) return { ok: false, reason: 'inactive' };
    await prisma.externalIdentity.update({ where: { id: linked.id }, data: { lastUsedAt: new Date() } });
    return { ok: true, userId: linked.user.id };
  }
  const raw = claims[provider.claim];
  if (typeof raw !== 'string' || !raw.trim()) return { ok: false, reason: 'unknown-user' };
  if (provider.claim === 'email' && claims.email_verified !== true) return { ok: false, reason: 'unverified' };
  const value = raw.trim().toLowerCase();
  const user = await prisma.user.findFirst({ where: { OR: [{ email: value }, { username: value }] }, select: { id: true, isActive: true } });
  if (user) {
    if (!user.isActive) return { ok: false, reason: 'inactive' };
    await prisma.$transaction(async (tx) => {
      await tx.externalIdentity.create({ data: { userId: user.id, provider: provider.id, subject: claims.sub, lastUsedAt: new Date() } });
      await recordAudit(tx, { user: null, requestId: r.requestId, clientAddress: r.clientAddress }, { action: 'identity-linked', entityType: 'User', entityId: user.id, actorId: user.id, after: { provider: provider.id } });
    });
    return { ok: true, userId: user.id };
  }
  if (!provider.jitMunicipality) return { ok: false, reason: 'unknown-user' };
  return { ok: true, userId: await createJitUser(prisma, r, provider, claims, value) };
}

async function createJitUser(prisma: PrismaClient, r: SignInRequest, provider: OidcProviderConfig, claims: IDToken, value: string): Promise<number> {
  const municipality = await prisma.municipality.findFirst({ where: { number: provider.jitMunicipality! }, select: { id: true } });
  if (!municipality) throw new Error(`SAMARKIV_OIDC_PROVIDERS: ${provider.id}.jitMunicipality ${provider.jitMunicipality} is not a municipality`);
  const base = (value.split('@')[0] ?? value).replace(/[^a-z0-9._-]+/g, '.').slice(0, 50) || 'bruker';
  const email = typeof claims.email === 'string' && claims.email_verified === true ? claims.email.toLowerCase() : provider.claim === 'email' ? value : null;
  const displayName = (typeof claims.name === 'string' && claims.name.trim()) || value;
  return prisma.$transaction(async (tx) => {
    let username = base.length >= 2 ? base : `${base}.${provider.id}`;
    for (let n = 2; await tx.user.findUnique({ where: { username }, select: { id: true } }); n++) username = `${base}${n}`;
    const emailFree = email ? !(await tx.user.findUnique({ where: { email }, select: { id: true } })) : false;
    const created = await tx.user.create({
      data: {
        username,
        displayName: displayName.slice(0, 120),
        email: emailFree ? email : null,
        passwordHash: null,
        memberships: { create: [{ municipalityId: municipality.id, role: 'VIEWER' }] },
        identities: { create: [{ provider: provider.id, subject: claims.sub, lastUsedAt: new Date() }] },
      },
      select: { id: true },
    });
    await recordAudit(tx, { user: null, requestId: r.requestId, clientAddress: r.clientAddress }, { action: 'create-user', entityType: 'User', entityId: created.id, actorId: null, after: { username, provider: provider.id, role: 'VIEWER', municipality: provider.jitMunicipality } });
    return created.id;
  });
}
