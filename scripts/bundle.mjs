// Bundles the compiled command line (dist/src/cli/main.js) and its worker thread under
// dist/bundle/, dependencies included: a command then starts by compiling a few files instead of
// resolving and linking some three hundred modules, which took most of a short run's time. The
// library (dist/src/index.js) is not bundled. apache-arrow (loaded only by `--format arrow`) and
// tinypool stay imports of their own. Run by `npm run build`, after tsc.

import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'dist/src/cli/main.js',
    // run-batch.js starts its workers from './worker.js' beside itself, bundled or not: bundled,
    // it is in a chunk, so the worker's entry goes beside the chunks.
    'chunks/worker': 'dist/src/batch/worker.js',
  },
  outdir: 'dist/bundle',
  // The code only some commands need (the decision commands', the log reader's) goes to chunks
  // loaded when such a command runs; code both entries use goes to chunks they share.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // Tinypool starts its threads from a file of its own, found beside its module. The queue's
  // libraries (loaded only with --backend bullmq and by `orgsim worker`) stay packages too.
  external: ['apache-arrow', 'tinypool', 'bullmq', 'ioredis'],
  // CommonJS dependencies bundled into an ES module still call require for Node's built-ins.
  banner: {
    js: "import { createRequire as __orgsimRequire } from 'node:module'; const require = __orgsimRequire(import.meta.url);",
  },
  // Whitespace and syntax only: a smaller file compiles faster (0.23 s to 0.19 s for --version),
  // and names stay as written, in stack traces too.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
