// `npm run scenario|forecast|…`: the compiled command line (dist/bundle, which `npm ci` and
// `npm run build` write) when it is newer than every source file, else the TypeScript sources
// through tsx. The compiled one starts in a fraction of the time; the check (a stat of each
// source file, a few milliseconds) keeps an edit to src/ or machines/ from running stale code.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bundle = join(root, 'dist', 'bundle', 'main.js');

/** The latest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile())
      latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return latest;
}

const fresh =
  existsSync(bundle) &&
  statSync(bundle).mtimeMs >= Math.max(newest(join(root, 'src')), newest(join(root, 'machines')));

if (fresh) await import(bundle);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(join(root, 'src', 'cli', 'main.ts'));
}
