import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { setReminderPreference } from './reminders.service.ts';

export const remindersResolvers: Resolvers = {
  Mutation: {
    setReminderPreference: (_, args, ctx) => setReminderPreference(ctx, args.input),
  },
};
