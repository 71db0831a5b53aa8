// The identity provider from the environment: an OIDC provider's JWKS, issuer and audience; or, only
// when SIKLUS_DEV_AUTH=1, the local dev signing key (tokens from `siklus token`).

import { devAudience, devIssuer, loadDevKey } from './dev-keys.ts';
import { type IdentityConfig, identityFromJwks } from './identity.ts';

export async function identityFromEnv(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<IdentityConfig | null> {
  if (env.SIKLUS_DEV_AUTH === '1') {
    const key = await loadDevKey(dataDir);
    return identityFromJwks({ issuer: devIssuer, audience: devAudience, jwks: { keys: [key.publicJwk] } });
  }
  const { SIKLUS_JWKS_URL: jwksUrl, SIKLUS_JWT_ISSUER: issuer, SIKLUS_JWT_AUDIENCE: audience } = env;
  if (!jwksUrl || !issuer || !audience) return null;
  return identityFromJwks({ issuer, audience, jwksUrl });
}
