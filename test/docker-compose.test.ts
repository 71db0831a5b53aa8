import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown> | string[];
}

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8')) as {
  services: Record<string, Service>;
};
const services = compose.services;

describe('docker-compose.yml (production topology)', () => {
  it('declares postgres, temporal, temporal-ui, worker and api', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'temporal', 'temporal-ui', 'worker']);
  });

  it('runs Temporal on the same PostgreSQL', () => {
    const env = services.temporal?.environment ?? {};
    expect(env.DB).toMatch(/^postgres/);
    expect(env.POSTGRES_SEEDS).toBe('postgres');
    expect(services['temporal-ui']?.environment?.TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it.each(['worker', 'api'])(
    'builds %s from the Dockerfile and gives it TEMPORAL_ADDRESS and DATABASE_URL',
    (name) => {
      const service = services[name];
      expect(service?.build).toBe('.');
      expect(service?.environment?.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(service?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/\w+$/);
      expect(service?.command?.join(' ')).toContain(`bin/${name}.ts`);
      const dependsOn = Array.isArray(service?.depends_on)
        ? service.depends_on
        : Object.keys(service?.depends_on ?? {});
      expect(dependsOn).toEqual(expect.arrayContaining(['postgres', 'temporal']));
    },
  );

  it('opens the API to the container network: HOST=0.0.0.0 in the image and the api service', () => {
    const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
    expect(dockerfile).toMatch(/^ENV\b.*\bHOST=0\.0\.0\.0\b/m);
    expect(services.api?.environment?.HOST).toBe('0.0.0.0');
  });

  it('has a Dockerfile that installs from the lock file', () => {
    const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/COPY package\.json package-lock\.json/);
  });
});
