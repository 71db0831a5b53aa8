// The architecture, checked on every `npm test` (`npm run lint:deps`). Each top-level folder may import
// only the folders listed for it below (so folders never import each other in a circle), files never
// import each other in a circle, the pure core (domain/) imports nothing of the rest, and workflow code
// imports no I/O. README's "Layout" draws the same picture.
const layers = {
  // The pure core: rules, events, commands, ids; no I/O of any kind.
  domain: [],
  schema: ['domain'],
  store: ['schema'],
  projections: ['store', 'schema', 'domain'],
  read: ['projections', 'schema', 'domain'],
  notifications: ['read', 'schema', 'domain'],
  organisation: ['schema', 'domain'],
  // Workflow code: deterministic, no I/O. The one exception is the activities' type (proxyActivities).
  workflows: ['domain'],
  activities: ['workflows', 'projections', 'store', 'schema', 'domain', 'organisation', 'notifications'],
  audit: ['projections', 'store', 'schema', 'domain', 'workflows', 'worker'],
  runtime: [],
  worker: ['activities', 'notifications', 'workflows', 'schema', 'domain', 'runtime'],
  simulation: ['worker', 'activities', 'audit', 'workflows', 'read', 'schema', 'domain', 'runtime'],
  api: [
    'read',
    'audit',
    'organisation',
    'notifications',
    'projections',
    'workflows',
    'schema',
    'domain',
    'runtime',
  ],
  web: ['read', 'audit', 'organisation', 'notifications', 'workflows', 'schema', 'domain', 'runtime'],
  cli: ['audit', 'store', 'schema', 'domain', 'runtime', 'api'],
  // Entry points and tools: they compose everything.
  bin: ['*'],
  bench: ['*'],
  scripts: ['*'],
};

const folders = Object.keys(layers);
const layerRules = Object.entries(layers)
  .filter(([, allowed]) => !allowed.includes('*'))
  .map(([folder, allowed]) => ({
    name: `layer-${folder}`,
    comment: `${folder}/ may import only ${allowed.length ? allowed.map((f) => `${f}/`).join(', ') : 'itself'}`,
    severity: 'error',
    from: { path: `^${folder}/` },
    to: {
      path: `^(${folders.filter((f) => f !== folder && !allowed.includes(f)).join('|')})/`,
      ...(folder === 'workflows' ? { pathNot: '^activities/index\\.ts$' } : {}),
    },
  }));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'files never import each other in a circle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ uses no Node builtin and no package but zod and temporal-polyfill (pure, no I/O)',
      severity: 'error',
      from: { path: '^domain/' },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev'], pathNot: '^node_modules/(zod|temporal-polyfill)/' },
    },
    {
      name: 'workflows-no-io',
      comment: 'workflow code is deterministic: no Node builtin, database or logger, only the workflow SDK',
      severity: 'error',
      from: { path: '^workflows/' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev'],
        pathNot: '^node_modules/(@temporalio/(workflow|common)|zod|temporal-polyfill)/',
      },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'web-and-api-apart',
      comment: 'the web pages and the HTTP API share read modules, never each other',
      severity: 'error',
      from: { path: '^(web|api)/' },
      to: { path: '^(web|api)/', pathNot: '^$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.data|\\.test-results|coverage|dist|test)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
