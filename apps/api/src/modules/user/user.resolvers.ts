import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { createUser, getUser, listUsers, resetPassword, setActive, setMemberships, updateUser, type UserFilter, type UserRow } from './user.service.ts';

export const userResolvers: Resolvers = {
  Query: {
    users: (_, args, ctx) => listUsers(ctx, args),
    user: (_, args, ctx) => getUser(ctx, args.id),
  },
  Mutation: {
    createUser: (_, args, ctx) => createUser(ctx, args.input),
    updateUser: (_, args, ctx) => updateUser(ctx, args.id, args.input),
    setMemberships: (_, args, ctx) => setMemberships(ctx, args.userId, args.memberships),
    deactivateUser: (_, args, ctx) => setActive(ctx, args.id, false),
    reactivateUser: (_, args, ctx) => setActive(ctx, args.id, true),
    resetPassword: (_, args, ctx) => resetPassword(ctx, args.id),
  },
  User: {
    lastSignInAt: (user) => user.lastSignInAt?.toISOString() ?? null,
    memberships: (user, _, ctx) => ctx.loaders.membershipsByUser.load(user.id),
    mfaEnabled: (user, _, ctx) => ctx.loaders.mfaEnabledByUser.load(user.id),
  },
};
