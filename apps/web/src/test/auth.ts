import { graphql, HttpResponse, type GraphQLResponseBody } from 'msw';
import type { AuthUser_me, Role } from '../lib/auth/currentUser.ts';
import { server } from './server.ts';

export const KONGSBERG = { __typename: 'Municipality' as const, id: 'm-3303', name: 'Kongsberg' };
export const FLESBERG = { __typename: 'Municipality' as const, id: 'm-3334', name: 'Flesberg' };

type MembershipSpec = { role: Role; municipality: { id: string; name: string } };

/** A signed-in user as `me` returns it; memberships decide the roles. */
export function me(fields: Partial<Omit<AuthUser_me, 'memberships' | 'roles'>> & { memberships?: MembershipSpec[] } = {}): AuthUser_me {
  const memberships = (fields.memberships ?? [{ role: 'VIEWER', municipality: KONGSBERG }]).map((membership) => ({
    __typename: 'Membership' as const,
    role: membership.role,
    municipality: { __typename: 'Municipality' as const, ...membership.municipality },
  }));
  return {
    __typename: 'Me',
    id: 'u-1',
    username: 'kari',
    displayName: 'Kari Nordmann',
    email: 'kari@example.no',
    mustChangePassword: false,
    mfaEnabled: false,
    mfaSetupRequired: false,
    signInMethod: 'password',
    providerSignOutUrl: null,
    remindersEnabled: true,
    sessionExpiresAt: '2099-01-01T00:00:00.000Z',
    ...fields,
    roles: [...new Set(memberships.map((membership) => membership.role))],
    memberships,
  };
}

export const ADMIN = me({ id: 'u-admin', username: 'admin', displayName: 'Ada Admin', memberships: [{ role: 'ADMIN', municipality: KONGSBERG }] });
export const VIEWER = me({ id: 'u-viewer', username: 'vera', displayName: 'Vera Viewer', memberships: [{ role: 'VIEWER', municipality: KONGSBERG }] });

/** A GraphQL answer with one coded error, as the API sends it. */
export function apiErrorResponse(code: string, extensions: Record<string, unknown> = {}, message = 'Feil fra API-et.') {
  return HttpResponse.json<GraphQLResponseBody<never>>({ errors: [{ message, extensions: { code, ...extensions } }] });
}

export function unauthenticated() {
  return apiErrorResponse('UNAUTHENTICATED', {}, 'Du er ikke logget inn.');
}

/** `CurrentUser` answers with this user for the rest of the test. */
export function signInAs(user: AuthUser_me = VIEWER) {
  server.use(
    graphql.query('CurrentUser', () => HttpResponse.json({ data: { me: user } })),
    // A session that ends later shows the sign-in page, which lists the identity providers.
    graphql.query('SignInProviders', () => HttpResponse.json({ data: { signInProviders: [] } })),
  );
}

/** `CurrentUser` answers that there is no session; the sign-in page then asks for its identity providers (none unless given). */
export function answerSignedOut(providers: { id: string; label: string; startUrl: string }[] = []) {
  server.use(
    graphql.query('CurrentUser', () => unauthenticated()),
    graphql.query('SignInProviders', () => HttpResponse.json({ data: { signInProviders: providers.map((p) => ({ __typename: 'SignInProvider', ...p })) } })),
  );
}
