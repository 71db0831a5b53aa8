// The worker shares one copy of the command schemas among its workflows: it preloads their cache, a module
// the SDK evaluates once per V8 context and deep-freezes. Its exports must therefore be functions only
// (frozen zod schemas cannot parse); the schemas load on first use, inside a workflow (the webpack bundle
// resolves that require), and stay in the module's closure. test/workflows/appraisal-updates.int.test.ts
// runs Updates, rejected and accepted, on this preloaded copy.
import { describe, expect, it } from 'vitest';
import { preloadModules } from '../../worker/create-worker.ts';
import * as commandSchemasModule from '../../workflows/command-schemas.ts';

describe('the workflows bundle of the siklus worker', () => {
  it('preloads the command-schema cache, which exports only its loader', () => {
    expect(preloadModules.map((path) => path.split('/').slice(-2).join('/'))).toEqual([
      'workflows/command-schemas.ts',
    ]);
    expect(Object.values(commandSchemasModule).map((value) => typeof value)).toEqual(['function']);
  });
});
