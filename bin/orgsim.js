#!/usr/bin/env node
// `npx orgsim ...`: the compiled command line (npm run build writes dist/; installing the package
// brings it). No TypeScript tooling at run time.
await import('../dist/bundle/main.js');
