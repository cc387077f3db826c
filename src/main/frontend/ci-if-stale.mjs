// Runs `npm ci` unless node_modules already holds exactly what package-lock.json pins.
// Called by the Maven build (exec-maven-plugin, generate-resources) through `npm run ci-if-stale`.
// npm ci deletes and reinstalls node_modules (~15 s); this check takes milliseconds, so repeated
// `./mvnw verify` / `./mvnw spring-boot:run` runs stay fast while the lockfile stays authoritative.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CI_ARGS = ['ci', '--no-audit', '--no-fund', '--ignore-scripts'];

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function sameDeps(a = {}, b = {}) {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/** Why node_modules does not match the lockfile, or null when it does. */
function staleness() {
  const manifest = readJson('package.json');
  const lock = readJson('package-lock.json');
  const installed = readJson(join('node_modules', '.package-lock.json'));
  if (!lock) return 'package-lock.json is missing or unreadable';
  if (!installed) return 'node_modules is not installed';
  const root = lock.packages?.[''] ?? {};
  if (!sameDeps(manifest?.dependencies, root.dependencies)
      || !sameDeps(manifest?.devDependencies, root.devDependencies)) {
    return 'package.json and package-lock.json differ';
  }
  const have = installed.packages ?? {};
  // Optional packages for other platforms (esbuild's @esbuild/<os>-<cpu> binaries) are in the
  // lockfile but never installed here: they do not make node_modules stale.
  const wanted = Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .filter(([path, entry]) => !(entry.optional && !have[path]));
  if (Object.keys(have).length !== wanted.length) return 'node_modules has other packages';
  for (const [path, entry] of wanted) {
    const got = have[path];
    if (!got || got.version !== entry.version || got.integrity !== entry.integrity) {
      return `${path} differs from the lockfile`;
    }
    if (!existsSync(join(path, 'package.json'))) return `${path} is missing`;
  }
  return null;
}

const reason = staleness();
if (reason === null) {
  console.log('[frontend] node_modules matches package-lock.json; skipping npm ci');
} else {
  console.log(`[frontend] ${reason}; running npm ${CI_ARGS.join(' ')}`);
  // Inside `npm run`, npm_execpath is the npm CLI that started us: reuse it (works on Windows too).
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, ...CI_ARGS], { stdio: 'inherit' })
    : spawnSync('npm', CI_ARGS, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}
