import type { ApolloCache } from '@apollo/client';

/**
 * After a benefit changes or goes: the lists and counts that summarise benefits (the benefits
 * page, the overview's panel) are fetched again when next shown, rather than showing a status
 * the server no longer computes.
 */
export function forgetBenefitSummaries(cache: ApolloCache) {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'benefits' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'benefitStatusByMunicipality' });
  cache.gc();
}
