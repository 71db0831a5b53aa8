// `npm run bench -- <name>` (or `npx tsx bench/main.ts <name>`): runs one benchmark and prints its
// figures as one JSON line on stdout.
import { benchApi } from './api.ts';
import { benchEventAppend } from './event-append.ts';

const benchmarks: Record<string, () => Promise<unknown>> = {
  'event-append': () => benchEventAppend({ databaseUrl: process.env.DATABASE_URL }),
  api: () => benchApi({ databaseUrl: process.env.DATABASE_URL }),
};

const name = process.argv[2];
const run = name ? benchmarks[name] : undefined;
if (!run) {
  console.error(`usage: npx tsx bench/main.ts <${Object.keys(benchmarks).join('|')}>`);
  process.exit(2);
}
console.log(JSON.stringify(await run()));
