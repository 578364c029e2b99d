// `npm run scenario <name>`: the main job. Scenario files, the org actors and the reports arrive
// with issues #3 and #4; until then this entry point says so plainly instead of pretending.

const name = process.argv[2] ?? '<name>';
process.stderr.write(
  `orgsim: cannot run scenario "${name}" yet: scenario files, the organisation and the reports are not built (issues #3 and #4).\n` +
    'What works today: the kernel and the task lifecycle, exercised by `npm test` and measured by `npm run bench`.\n',
);
process.exit(2);
