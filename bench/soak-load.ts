// The soak's load generator in a process of its own, so its requests and their bookkeeping share neither
// the event loop nor the process of the worker whose launch the soak measures (nor the API's).
// `tsx bench/soak-load.ts FILE` reads its plan (SoakLoadPlan, JSON) from FILE and prints one JSON line.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

export interface SoakLoadPlan {
  url: string;
  org: string;
  tokens: string[];
  actions: Array<{ taskId: string; token: string }>;
  inboxRate: number;
  actionRate: number;
  seconds: number;
}

export async function runSoakLoad(plan: SoakLoadPlan) {
  const [inbox, actions] = await Promise.all([
    inboxLoad(plan.url, plan.org, plan.tokens, plan.inboxRate, plan.seconds),
    actionLoad(plan.url, plan.org, plan.actions, plan.actionRate, plan.seconds),
  ]);
  return { inbox, actions };
}

const figures = (result: autocannon.Result) => ({
  requests: result.requests.total,
  requestsPerSec: Math.round(result.requests.average),
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
});

/** Each user's inbox in turn, at the given rate. */
async function inboxLoad(url: string, org: string, tokens: string[], rate: number, seconds: number) {
  let next = 0;
  const result = await autocannon({
    url: `${url}/v1/orgs/${org}/me/tasks?limit=50`,
    connections: 20,
    overallRate: Math.round(rate),
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
        }),
      },
    ],
  });
  return figures(result);
}

/** Each open task acknowledged once, by its assignee, with an Idempotency-Key, at the given rate. */
async function actionLoad(
  url: string,
  org: string,
  actions: Array<{ taskId: string; token: string }>,
  rate: number,
  seconds: number,
) {
  let next = 0;
  let accepted = 0;
  // Never more requests than tasks: a second acknowledgement of a task is refused, which is no error of the API.
  const amount = Math.min(actions.length, Math.floor(rate * seconds));
  const result = await autocannon({
    url: `${url}/v1/orgs/${org}/tasks/x/actions`,
    connections: 5,
    overallRate: Math.max(1, Math.round(rate)),
    amount,
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => {
          const action = actions[next++ % actions.length];
          return {
            ...request,
            path: `/v1/orgs/${org}/tasks/${encodeURIComponent(action?.taskId ?? '')}/actions`,
            headers: {
              ...request.headers,
              authorization: `Bearer ${action?.token}`,
              'content-type': 'application/json',
              'idempotency-key': randomUUID(),
            },
            body: JSON.stringify({ type: 'acknowledgeStandards' }),
          };
        },
        onResponse: (status) => {
          if (status >= 200 && status < 300) accepted++;
        },
      },
    ],
  });
  return { ...figures(result), accepted };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as SoakLoadPlan;
  // The first line says the requests begin (the soak starts its busy launch by it); the last, the figures.
  console.log(JSON.stringify({ started: new Date().toISOString() }));
  console.log(JSON.stringify(await runSoakLoad(plan)));
}
