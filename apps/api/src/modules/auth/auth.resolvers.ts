import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { required } from '../../graphql/loaders.ts';
import { changePassword, me, signIn, signOut, type MeView } from './auth.service.ts';

export const authResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => me(ctx),
  },
  Mutation: {
    signIn: (_, args, ctx) => signIn(ctx, args.input),
    signOut: (_, __, ctx) => signOut(ctx),
    changePassword: (_, args, ctx) => changePassword(ctx, args.input),
  },
  Me: {
    roles: (user) => [...user.roles],
    sessionExpiresAt: (user) => user.sessionExpiresAt.toISOString(),
    memberships: (user) => user.memberships,
  },
  Membership: {
    municipality: (membership, _, ctx) => ctx.loaders.municipalityById.load(membership.municipalityId).then(required),
  },
};
