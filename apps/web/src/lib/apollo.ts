import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

type ApolloClientOptions = {
  /** Same-origin `/graphql` in the app; tests pass an absolute URL because Node's fetch needs one. */
  uri?: string;
};

export function createApolloClient({ uri = '/graphql' }: ApolloClientOptions = {}): ApolloClient {
  return new ApolloClient({
    // The API authenticates with a same-origin session cookie.
    link: new HttpLink({ uri, credentials: 'same-origin' }),
    cache: new InMemoryCache(),
    // Each component sees only the fields its own fragment asks for (STYLE.md: components own
    // their fragments), so a page cannot quietly depend on a child's data.
    dataMasking: true,
  });
}
