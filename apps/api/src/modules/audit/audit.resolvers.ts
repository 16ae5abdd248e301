import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { Context } from '../../graphql/context.ts';
import { entityHistory, listAuditEvents, type AuditFilter } from './audit.service.ts';

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    default:
      return null;
  }
}

export const auditResolvers = {
  JSON: new GraphQLScalarType({ name: 'JSON', serialize: (v) => v, parseValue: (v) => v, parseLiteral: literal }),
  Query: {
    auditEvents: (_: unknown, args: { first?: number; after?: string; filter?: AuditFilter }, ctx: Context) => listAuditEvents(ctx, args),
    entityHistory: (_: unknown, args: { entityType: string; entityId: string; first?: number; after?: string }, ctx: Context) => entityHistory(ctx, args),
  },
};
