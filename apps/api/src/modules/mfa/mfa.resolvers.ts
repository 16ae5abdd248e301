import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { beginTotpSetup, confirmTotpSetup, resetUserMfa } from './mfa.service.ts';

export const mfaResolvers: Resolvers = {
  Mutation: {
    beginTotpSetup: (_, __, ctx) => beginTotpSetup(ctx),
    confirmTotpSetup: (_, args, ctx) => confirmTotpSetup(ctx, args.input),
    resetUserMfa: (_, args, ctx) => resetUserMfa(ctx, args.id),
  },
};
