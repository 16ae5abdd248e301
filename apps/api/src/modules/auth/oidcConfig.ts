import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One identity provider (usually one per municipality), from SAMARKIV_OIDC_PROVIDERS. */
export interface OidcProviderConfig {
  /** In URLs (/auth/oidc/<id>/start) and in external_identity.provider: never change it once used. */
  id: string;
  /** The button's text on the sign-in page, e.g. "Kongsberg kommune (Entra ID)". */
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim that names the Samarkiv user: matched to a user's e-mail or username. */
  claim: string;
  /** Create an unknown user with the VIEWER role in this municipality (its number); null: refuse. */
  jitMunicipality: string | null;
  /** Scopes asked for besides openid. */
  scopes: string[];
}

const providerRule = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'id: lower-case letters, digits and hyphens'),
  label: z.string().min(1),
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  claim: z.string().min(1).default('email'),
  jitMunicipality: z.string().regex(/^\d{4}$/).nullable().default(null),
  scopes: z.array(z.string()).default(['email', 'profile']),
});

/** SAMARKIV_OIDC_PROVIDERS holds the JSON list itself, or SAMARKIV_OIDC_PROVIDERS_FILE a path to it (keeps secrets out of the environment). */
export function oidcProvidersFromEnv(env: NodeJS.ProcessEnv): OidcProviderConfig[] {
  const file = env.SAMARKIV_OIDC_PROVIDERS_FILE?.trim();
  const raw = file ? readFileSync(file, 'utf8') : env.SAMARKIV_OIDC_PROVIDERS?.trim();
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('SAMARKIV_OIDC_PROVIDERS must be a JSON list of providers');
  }
  const result = z.array(providerRule).safeParse(parsed);
  if (!result.success) throw new Error(`SAMARKIV_OIDC_PROVIDERS: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ids = new Set<string>();
  for (const provider of result.data) {
    if (ids.has(provider.id)) throw new Error(`SAMARKIV_OIDC_PROVIDERS: the id "${provider.id}" is used twice`);
    ids.add(provider.id);
  }
  return result.data;
}
