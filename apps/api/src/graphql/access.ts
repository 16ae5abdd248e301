import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import type { Role } from '@samarkiv/db';
import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLSchema } from 'graphql';
import { recordDenial } from '../modules/audit/audit.service.ts';
import { mfaSetupRequired } from '../modules/auth/session.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';

// While an ADMIN without a second factor must set one up, only these stay open.
const OPEN_DURING_MFA_SETUP = new Set(['me', 'signOut', 'beginTotpSetup', 'confirmTotpSetup', 'signInProviders']);

export type AccessRule = { kind: 'public' } | { kind: 'auth'; roles: Role[] | null };

// While an administrator's reset forces a new password, only these stay open.
const OPEN_DURING_PASSWORD_CHANGE = new Set(['me', 'changePassword', 'signOut']);

export function accessRuleOf(schema: GraphQLSchema, field: GraphQLFieldConfig<unknown, unknown>): AccessRule | null {
  if (getDirective(schema, field, 'public')?.[0]) return { kind: 'public' };
  const auth = getDirective(schema, field, 'auth')?.[0] as { roles?: Role[] } | undefined;
  if (auth) return { kind: 'auth', roles: auth.roles?.length ? auth.roles : null };
  return null;
}

/** Each root field with the rule it declares (null: none, which buildSchema refuses). */
export function rootFieldRules(schema: GraphQLSchema): { operation: 'Query' | 'Mutation'; field: string; rule: AccessRule | null }[] {
  const out: { operation: 'Query' | 'Mutation'; field: string; rule: AccessRule | null }[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      out.push({ operation: type.name as 'Query' | 'Mutation', field: field.name, rule: accessRuleOf(schema, field as unknown as GraphQLFieldConfig<unknown, unknown>) });
    }
  }
  return out;
}

/**
 * Wraps every root field in its declared rule. A field without one makes the schema fail to
 * build: a new field can never be open by accident.
 */
export function applyAccessRules(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ROOT_OBJECT]: (type) => type,
    [MapperKind.ROOT_FIELD]: (field, fieldName, typeName) => {
      if (typeName === 'Subscription') return field;
      const rule = accessRuleOf(schema, field);
      if (!rule) throw new Error(`${typeName}.${fieldName} declares no access rule: add @auth or @public`);
      if (rule.kind === 'public') return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        async resolve(source, args, ctx: Context, info) {
          await checkRule(ctx, rule, fieldName);
          return resolve(source, args, ctx, info);
        },
      };
    },
  });
}

async function checkRule(ctx: Context, rule: Extract<AccessRule, { kind: 'auth' }>, fieldName: string): Promise<void> {
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.mustChangePassword && !OPEN_DURING_PASSWORD_CHANGE.has(fieldName)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (mfaSetupRequired(user, ctx.session, ctx.config) && !OPEN_DURING_MFA_SETUP.has(fieldName)) throw new AppError('MFA_SETUP_REQUIRED');
  if (!rule.roles || user.isAdmin || rule.roles.some((role) => user.roles.has(role))) return;
  await recordDenial(ctx, fieldName, { required: rule.roles, held: [...user.roles] });
  throw new AppError('FORBIDDEN');
}
