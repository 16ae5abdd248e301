import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
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

export const auditResolvers: Resolvers = {
  JSON: new GraphQLScalarType({ name: 'JSON', serialize: (v) => v, parseValue: (v) => v, parseLiteral: literal }),
  Query: {
    auditEvents: (_, args, ctx) => listAuditEvents(ctx, args),
    entityHistory: (_, args, ctx) => entityHistory(ctx, args),
  },
};
