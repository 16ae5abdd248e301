import type { Context } from '../../graphql/context.ts';
import { changePassword, me, signIn, signOut, type MeView } from './auth.service.ts';

export const authResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Context) => me(ctx),
  },
  Mutation: {
    signIn: (_: unknown, args: { input: unknown }, ctx: Context) => signIn(ctx, args.input),
    signOut: (_: unknown, __: unknown, ctx: Context) => signOut(ctx),
    changePassword: (_: unknown, args: { input: unknown }, ctx: Context) => changePassword(ctx, args.input),
  },
  Me: {
    roles: (user: MeView) => [...user.roles],
    sessionExpiresAt: (user: MeView) => user.sessionExpiresAt.toISOString(),
    memberships: (user: MeView) => user.memberships,
  },
  Membership: {
    municipality: (membership: { municipalityId: number }, _: unknown, ctx: Context) => ctx.loaders.municipalityById.load(membership.municipalityId),
  },
};
