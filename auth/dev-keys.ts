// Dev mode only (SIKLUS_DEV_AUTH=1): a local signing key kept in the data folder, its JWKS, and tokens
// for `siklus token`. Never on unless switched on explicitly.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';

export const devIssuer = 'siklus-dev';
export const devAudience = 'siklus-api';

interface StoredKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function loadDevKey(dataDir: string): Promise<StoredKey> {
  const path = join(dataDir, 'dev-signing-key.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as StoredKey;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const key: StoredKey = {
    privateJwk: { ...(await exportJWK(privateKey)), kid: 'dev', alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid: 'dev', alg: 'ES256', use: 'sig' },
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(key), { mode: 0o600 });
  return key;
}

export async function signDevToken(
  key: StoredKey,
  claims: { nip: string; org: string; roles: string[] },
  ttl = '12h',
): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, 'ES256');
  return new SignJWT({ org: claims.org, roles: claims.roles })
    .setProtectedHeader({ alg: 'ES256', kid: 'dev' })
    .setSubject(claims.nip)
    .setIssuer(devIssuer)
    .setAudience(devAudience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(privateKey);
}
