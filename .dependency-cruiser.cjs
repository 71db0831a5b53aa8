// The architecture, checked on every `npm test` (`npm run lint:deps`). Each top-level folder may import
// only the folders listed for it below (so folders never import each other in a circle), files never
// import each other in a circle, the pure core (domain/) imports nothing of the rest, and workflow code
// imports no I/O. README's "Layout" draws the same picture.

// The two adapters over HTTP, the JSON API and the web pages, stand on the same folders (and never import
// each other): a change goes through api/commands, which alone starts or updates a workflow.
const httpAdapter = [
  'api/commands',
  'documents',
  'record/read',
  'auth',
  'http',
  'audit',
  'notifications',
  'schema',
  'domain',
];
const layers = {
  // The pure core: rules, events, commands, ids; no I/O of any kind.
  domain: [],
  // Who calls: bearer tokens verified against the identity provider (or the dev key), as a Principal.
  auth: ['domain'],
  // Request guards both HTTP adapters apply alike (NUL characters, body size).
  http: [],
  schema: ['domain'],
  // The record PostgreSQL owns: the hash-chained event log, the projections written in the append's
  // transaction, and the typed queries of those read models with the access decisions (record/read/access.ts).
  'record/store': ['schema'],
  'record/projections': ['record/store', 'schema', 'domain'],
  'record/read': ['auth', 'record/projections', 'schema', 'domain'],
  notifications: ['record/read', 'schema', 'domain'],
  organisation: ['schema', 'domain'],
  // Workflow code: deterministic, no I/O. The one exception is the activities' type (proxyActivities).
  workflows: ['domain'],
  activities: [
    'workflows',
    'record/projections',
    'record/store',
    'schema',
    'domain',
    'organisation',
    'notifications',
  ],
  audit: ['record/projections', 'record/store', 'schema', 'domain', 'workflows', 'worker'],
  runtime: [],
  // The demo organisations `npm start` seeds in dev mode.
  demo: ['schema', 'domain'],
  worker: ['activities', 'notifications', 'workflows', 'schema', 'domain', 'runtime'],
  // Official documents (PDF) with their proofs, and the checkpoint seals they are proved by.
  documents: ['record/read', 'record/projections', 'record/store', 'auth', 'schema', 'domain'],
  simulation: [
    'documents',
    'worker',
    'activities',
    'audit',
    'workflows',
    'record/read',
    'schema',
    'domain',
    'runtime',
  ],
  // The one way in for changes: validation, authorisation and the Temporal start or Update, shared by the
  // HTTP API and the web pages (which never import each other; bin/server.ts mounts them side by side).
  'api/commands': ['record/read', 'auth', 'organisation', 'notifications', 'workflows', 'schema', 'domain'],
  // The JSON API (everything in api/ but its commands and its web pages) and the web pages.
  api: httpAdapter,
  'api/web': httpAdapter,
  cli: ['documents', 'audit', 'record/read', 'record/store', 'schema', 'domain', 'runtime', 'auth'],
  // Entry points and tools: they compose everything.
  bin: ['*'],
  bench: ['*'],
  // The reliability suite (npm run fuzz): a tool over the whole system, like bench/.
  reliability: ['*'],
  scripts: ['*'],
};

const folders = Object.keys(layers);
/** A folder's files, without those of a folder nested in it that has its own row (api/ without api/web/). */
const pathOf = (folder) => {
  const nested = folders
    .filter((f) => f.startsWith(`${folder}/`))
    .map((f) => `${f.slice(folder.length + 1)}/`);
  return nested.length ? `^${folder}/(?!${nested.join('|')})` : `^${folder}/`;
};
const layerRules = Object.entries(layers)
  .filter(([, allowed]) => !allowed.includes('*'))
  .map(([folder, allowed]) => ({
    name: `layer-${folder.replace('/', '-')}`,
    comment: `${folder}/ may import only ${allowed.length ? allowed.map((f) => `${f}/`).join(', ') : 'itself'}`,
    severity: 'error',
    from: { path: pathOf(folder) },
    to: {
      path: folders
        .filter((f) => f !== folder && !allowed.includes(f))
        .map(pathOf)
        .join('|'),
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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.data|\\.test-results|coverage|dist|test)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
