import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { required } from '../../graphql/loaders.ts';
import { mfaSetupRequired } from './session.ts';
import { providerSignOutUrl } from './oidc.ts';
import { changePassword, me, signIn, signOut, type MeView } from './auth.service.ts';

export const authResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => me(ctx),
    signInProviders: (_, __, ctx) => ctx.config.oidcProviders.map((p) => ({ id: p.id, label: p.label, startUrl: `/auth/oidc/${p.id}/start` })),
  },
  Mutation: {
    signIn: (_, args, ctx) => signIn(ctx, args.input),
    signOut: (_, __, ctx) => signOut(ctx),
    changePassword: (_, args, ctx) => changePassword(ctx, args.input),
  },
  Me: {
    roles: (user) => [...user.roles],
    sessionExpiresAt: (user) => user.sessionExpiresAt.toISOString(),
    signInMethod: (user) => user.sessionMethod,
    mfaSetupRequired: (user, _, ctx) => mfaSetupRequired(user, { idHash: '', expiresAt: user.sessionExpiresAt, method: user.sessionMethod }, ctx.config),
    providerSignOutUrl: (user, _, ctx) => providerSignOutUrl(ctx, user.sessionMethod),
    memberships: (user) => user.memberships,
  },
  Membership: {
    municipality: (membership, _, ctx) => ctx.loaders.municipalityById.load(membership.municipalityId).then(required),
  },
};
