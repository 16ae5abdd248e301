import type { Context } from '../../graphql/context.ts';
import { createUser, getUser, listUsers, resetPassword, setActive, setMemberships, updateUser, type UserFilter, type UserRow } from './user.service.ts';

export const userResolvers = {
  Query: {
    users: (_: unknown, args: { first?: number; after?: string; filter?: UserFilter }, ctx: Context) => listUsers(ctx, args),
    user: (_: unknown, args: { id: string }, ctx: Context) => getUser(ctx, args.id),
  },
  Mutation: {
    createUser: (_: unknown, args: { input: unknown }, ctx: Context) => createUser(ctx, args.input),
    updateUser: (_: unknown, args: { id: string; input: unknown }, ctx: Context) => updateUser(ctx, args.id, args.input),
    setMemberships: (_: unknown, args: { userId: string; memberships: unknown }, ctx: Context) => setMemberships(ctx, args.userId, args.memberships),
    deactivateUser: (_: unknown, args: { id: string }, ctx: Context) => setActive(ctx, args.id, false),
    reactivateUser: (_: unknown, args: { id: string }, ctx: Context) => setActive(ctx, args.id, true),
    resetPassword: (_: unknown, args: { id: string }, ctx: Context) => resetPassword(ctx, args.id),
  },
  User: {
    lastSignInAt: (user: UserRow) => user.lastSignInAt?.toISOString() ?? null,
    memberships: (user: UserRow, _: unknown, ctx: Context) => ctx.loaders.membershipsByUser.load(user.id),
  },
};
