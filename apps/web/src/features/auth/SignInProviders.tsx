import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import './signInProviders.css';

type SignInProvidersQuery = { signInProviders: { __typename: 'SignInProvider'; id: string; label: string; startUrl: string }[] };

export const SIGN_IN_PROVIDERS_QUERY: TypedDocumentNode<SignInProvidersQuery> = gql`
  query SignInProviders {
    signInProviders {
      id
      label
      startUrl
    }
  }
`;

/**
 * One link per configured identity provider. A plain link, not a form: the server answers it
 * with a redirect to the provider, and the CSP's form-action 'self' would refuse that after a form.
 */
export function SignInProviders() {
  const { t } = useTranslation();
  const { data } = useQuery(SIGN_IN_PROVIDERS_QUERY);
  const providers = data?.signInProviders ?? [];
  if (!providers.length) return null;
  return (
    <section aria-labelledby="sign-in-providers" className="form-stack">
      <Heading level={2} data-size="xs" id="sign-in-providers">
        {t('oidc.heading')}
      </Heading>
      <ul className="sign-in-providers">
        {providers.map((provider) => (
          <li key={provider.id}>
            <a className="ds-button" data-variant="primary" href={provider.startUrl}>
              {t('oidc.signInWith', { label: provider.label })}
            </a>
          </li>
        ))}
      </ul>
      <Heading level={2} data-size="xs">
        {t('oidc.orLocal')}
      </Heading>
    </section>
  );
}
