// Bundles the compiled command line (dist/src/cli/main.js) and its worker thread into one file
// each under dist/bundle/, dependencies included: a command then starts by compiling two files
// instead of resolving and linking some three hundred modules, which took most of a short run's
// time. The library (dist/src/index.js) is not bundled. apache-arrow (loaded only by
// `--format arrow`) and tinypool stay imports of their own. Run by `npm run build`, after tsc.

import { build } from 'esbuild';

await build({
  entryPoints: {
    // run-batch.js starts its workers from './worker.js' beside itself, bundled or not.
    main: 'dist/src/cli/main.js',
    worker: 'dist/src/batch/worker.js',
  },
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // Tinypool starts its threads from a file of its own, found beside its module.
  external: ['apache-arrow', 'tinypool'],
  // CommonJS dependencies bundled into an ES module still call require for Node's built-ins.
  banner: {
    js: "import { createRequire as __orgsimRequire } from 'node:module'; const require = __orgsimRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
