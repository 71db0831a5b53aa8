// The npm registry reachable from our build machines serves only the packages of this platform, so
// `npm install` drops other platforms' optional binaries (biome, swc, esbuild, ...) from the lock file,
// and `npm ci` then refuses the lock as "out of sync". This adds the missing optional entries with
// their os/cpu/libc, so `npm ci` skips them as foreign platforms everywhere. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const entries = lock.packages;
const platform =
  /(android|darwin|linux|win32|freebsd|openbsd|netbsd|sunos|aix|wasm32)-(arm64|x64|ia32|arm|ppc64|s390x|riscv64|loong64|mips64el|wasi)/;

let added = 0;
for (const entry of Object.values(entries)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (entries[key]) continue;
    const match = name.match(platform);
    const version = range.replace(/^[\^~=]/, '');
    entries[key] = {
      version,
      optional: true,
      ...(entry.dev ? { dev: true } : {}),
      ...(match ? { os: [match[1]], cpu: [match[2]] } : {}),
      ...(/musl/.test(name) ? { libc: ['musl'] } : /gnu/.test(name) ? { libc: ['glibc'] } : {}),
    };
    added++;
  }
}
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} foreign-platform optional entries`);
