/** Audit events as the API sends them, for the tests of this folder. */
export function auditEvent(fields: {
  id: string;
  occurredAt?: string;
  actor?: { id: string; username: string; displayName: string } | null;
  action?: string;
  entityType?: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}) {
  const { actor = { id: 'u-1', username: 'kari', displayName: 'Kari Nordmann' }, ...rest } = fields;
  return {
    __typename: 'AuditEvent' as const,
    occurredAt: '2026-03-05T13:30:00.000Z',
    action: 'update',
    entityType: 'Risk',
    entityId: 'r-1',
    before: null,
    after: null,
    ...rest,
    actor: actor && { __typename: 'AuditActor' as const, ...actor },
  };
}

export function eventConnection(nodes: ReturnType<typeof auditEvent>[], { hasNextPage = false } = {}) {
  return {
    __typename: 'AuditEventConnection',
    edges: nodes.map((node) => ({ __typename: 'AuditEventEdge', cursor: `c-${node.id}`, node })),
    pageInfo: { __typename: 'PageInfo', hasNextPage, hasPreviousPage: false, startCursor: null, endCursor: nodes.length ? `c-${nodes.at(-1)!.id}` : null },
  };
}
