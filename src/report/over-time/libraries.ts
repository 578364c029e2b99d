// The chart libraries the HTML report inlines, read from their packages: d3, and Observable Plot
// on top of it (its browser build expects d3 as a global). About 490 KB, once per page.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A package's file, found from the entry point it resolves to (its exports hide the rest). */
function packageFile(name: string, entryToFile: string): string {
  return readFileSync(join(dirname(require.resolve(name)), entryToFile), 'utf8');
}

let sources: string | null = null;

/** d3's and Plot's browser builds, as one script. */
export function chartLibraries(): string {
  // d3 resolves to dist/d3.mjs, Plot to src/index.js: their browser builds sit in dist/.
  sources ??= `${packageFile('d3', 'd3.min.js')}\n${packageFile('@observablehq/plot', '../dist/plot.umd.min.js')}\n`;
  return sources;
}
