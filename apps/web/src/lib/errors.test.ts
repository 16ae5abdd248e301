import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n.ts';
import { apiError, describeApiError } from './errors.ts';

describe('apiError', () => {
  it('reads a 503 without a GraphQL body as the database being unavailable, not as a network failure', () => {
    const error = new ServerError('Service Unavailable', { response: new Response('', { status: 503 }), bodyText: '' });
    expect(apiError(error).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('keeps the code of a GraphQL error the API sends with its 503', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect(apiError(error).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('still reads a 401 as signed out and anything else without an answer as the network', () => {
    expect(apiError(new ServerError('x', { response: new Response('', { status: 401 }), bodyText: '' })).code).toBe('UNAUTHENTICATED');
    expect(apiError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
  });

  it('says in Norwegian that the database cannot be reached', () => {
    expect(describeApiError(createI18n('nb').t, { code: 'SERVICE_UNAVAILABLE' })).toBe('Samarkiv får ikke kontakt med databasen akkurat nå. Prøv igjen om litt.');
  });
});
