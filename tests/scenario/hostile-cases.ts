// Scenario files a hostile or careless user writes (issue 10): each must be refused at load with
// a message naming the field and the fix, before anything is built or run. Shared by the loader
// test (tests/scenario/hostile-scenarios.test.ts) and the command-line test of exit codes.

export interface HostileCase {
  readonly name: string;
  readonly yaml: string;
  /** A fragment of the message, as a user reads it. */
  readonly message: RegExp;
}

const ok = 'instructions:\n  - { at: 0, tier: 1 }\n';
const aliasBomb = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  `d: [${Array(120).fill('*c').join(', ')}]`,
].join('\n');

export const HOSTILE: readonly HostileCase[] = [
  {
    name: 'a seed beyond the exact whole numbers',
    yaml: `seed: 1e20\n${ok}`,
    message:
      /:1:7: seed must be a whole number ≤ 9,007,199,254,740,991, the largest exact one, got 1e20/,
  },
  // Names that would reach a path.
  {
    name: 'a name that climbs out of --out',
    yaml: `name: ../../escaped\n${ok}`,
    message: /:1:7: name must be 1 to 100 letters, digits.*got "\.\.\/\.\.\/escaped"/,
  },
  {
    name: 'a name of a sibling folder',
    yaml: `name: ../victim\n${ok}`,
    message: /name must be 1 to 100 letters/,
  },
  {
    name: 'an empty name',
    yaml: `name: ""\n${ok}`,
    message: /name must be 1 to 100 letters.*got ""/,
  },
  { name: 'the name ..', yaml: `name: ".."\n${ok}`, message: /name must not be "\." or "\.\."/ },
  {
    name: 'a name with a NUL byte',
    yaml: `name: "a\\0b"\n${ok}`,
    message: /name must be 1 to 100 letters.*got "a\\u0000b"/,
  },
  {
    name: 'a name of 101 characters',
    yaml: `name: ${'n'.repeat(101)}\n${ok}`,
    message: /name must be 1 to 100 letters/,
  },
  {
    name: 'an absolute path as a name',
    yaml: `name: /etc\n${ok}`,
    message: /name must be 1 to 100 letters/,
  },
  {
    name: 'a person id with a newline',
    yaml: `${ok}org:\n  people: [{ id: "a\\nb", domain: qa }]\n`,
    message: /org\.people\[0\]\.id must be 1 to 100 letters, digits/,
  },
  // Numbers JSON cannot show, as written.
  {
    name: 'an infinite horizon written .inf',
    yaml: `horizonHours: .inf\n${ok}`,
    message: /horizonHours must be a finite number or null, got \.inf/,
  },
  {
    name: 'a number too big for a double',
    yaml: `horizonHours: 1e400\n${ok}`,
    message: /horizonHours must be a finite number or null, got 1e400/,
  },
  {
    name: 'a time that is not a number',
    yaml: 'instructions:\n  - { at: .nan, tier: 1 }\n',
    message: /instructions\[0\]\.at must be a finite number, got \.nan/,
  },
  {
    name: 'a fractional IC count',
    yaml: `${ok}org:\n  ics: { backend: 2.5 }\n`,
    message: /org\.ics\.backend must be a whole number ≥ 0, got 2\.5/,
  },
  {
    name: 'a fractional group count',
    yaml: `${ok}org:\n  ics: { backend: { count: 0.5 } }\n`,
    message: /org\.ics\.backend\.count must be a whole number ≥ 1, got 0\.5/,
  },
  // YAML beyond plain data.
  { name: 'an alias bomb', yaml: aliasBomb, message: /anchors and aliases .* at most 100 times/ },
  {
    name: 'a tag that would construct code',
    yaml: `${ok}description: !!js/function "function () {}"\n`,
    message: /:3:\d+: \(the file\) is not valid YAML: Unresolved tag/,
  },
  {
    name: 'a custom tag',
    yaml: `${ok}description: !shout hello\n`,
    message: /is not valid YAML: .*tag/i,
  },
  { name: 'an empty file', yaml: '', message: /:1:1: \(the file\) is empty/ },
  { name: 'a file of blank lines', yaml: '\n\n  \n', message: /:1:1: \(the file\) is empty/ },
  { name: 'a scalar document', yaml: 'hello\n', message: /:1:1: \(the file\) must be a mapping/ },
  { name: 'a null document', yaml: '~\n', message: /:1:1: \(the file\) must be a mapping/ },
  {
    name: 'nesting a thousand lists deep',
    yaml: `${ok}description: ${'['.repeat(1000)}${']'.repeat(1000)}\n`,
    message: /:3:\d+: \(the file\) nests lists or mappings too deep to be a scenario/,
  },
  {
    name: 'a truncated file',
    yaml: 'instructions:\n  - { at: 0, tier',
    message: /:2:\d+: \(the file\) is not valid YAML/,
  },
  // Sizes that would never finish.
  {
    name: 'a billion ICs',
    yaml: `${ok}org:\n  ics: { backend: 1000000000 }\n`,
    message:
      /org\.ics makes the scenario too big to run: about 1,000,000,00\d people .* over the limit of 2,000.*--limits people=/,
  },
  {
    name: 'a group of ten million',
    yaml: `${ok}org:\n  ics: { qa: { count: 10000000 } }\n`,
    message: /too big to run: about 10,000,00\d people/,
  },
  {
    name: 'a billion teams',
    yaml: `${ok}org:\n  teams: 1000000000\n`,
    message: /org\.teams makes the scenario too big to run/,
  },
  {
    name: 'arrivals at a billion a day',
    yaml: 'arrivals:\n  - { process: poisson, ratePerDay: 1000000000, until: 24, template: { tier: 1 } }\n',
    message: /arrivals\[0\]\.ratePerDay must be ≤ 1,000,000 a day/,
  },
  {
    name: 'arrivals until 1e308',
    yaml: 'arrivals:\n  - { process: poisson, ratePerDay: 1, until: 1e308, template: { tier: 1 } }\n',
    message: /arrivals\[0\]\.until must be ≤ 1,000,000 hours/,
  },
  {
    name: 'arrivals whose rate × window is too many',
    yaml: 'arrivals:\n  - { process: poisson, ratePerDay: 1000, until: 24000, template: { tier: 1 } }\n',
    message:
      /arrivals\[0\] makes the scenario too big to run: about 1,005,005 instructions \(poisson arrivals as rate × window, with room for chance\).*--limits instructions=1005005/,
  },
  {
    // 24,000 h at 1 a day: 1,000 arrivals on average, 1,164 with five standard deviations and
    // five of room; tier 4 plans at most 36 × 5 = 180 tasks each.
    name: 'tier-4 arrivals whose tasks are too many',
    yaml: 'arrivals:\n  - { process: poisson, ratePerDay: 1, until: 24000, template: { tier: 4 } }\n',
    message: /about 209,520 tactical tasks .* over the limit of 100,000/,
  },
  {
    name: 'a shape of a million tasks',
    yaml: 'instructions:\n  - { at: 0, tier: 1, shape: { strategic: 1000, tacticalPerStrategic: 1000 } }\n',
    message: /instructions\[0\] makes the scenario too big to run: about 1,000,000 tactical tasks/,
  },
  {
    name: 'a checklist of a billion items',
    yaml: `${ok}handoff: { checklistItems: 1000000000 }\n`,
    message: /handoff\.checklistItems must be a whole number from 1 to 1,000/,
  },
  {
    name: 'an instruction after a million hours',
    yaml: 'instructions:\n  - { at: 2000000, tier: 1 }\n',
    message: /instructions\[0\]\.at must be ≤ 1,000,000 hours/,
  },
  // Values no one means.
  {
    name: 'a working day of a nanosecond',
    yaml: `${ok}org:\n  calendar: { hoursPerDay: 1e-9 }\n`,
    message: /hoursPerDay must be ≥ 0\.25 hours \(a working day shorter than 15 minutes.*got 1e-9/,
  },
  {
    name: 'a rate of one arrival in a million days',
    yaml: 'arrivals:\n  - { process: poisson, ratePerDay: 0.000001, until: 24, template: { tier: 1 } }\n',
    message: /ratePerDay must be ≥ 0\.001 a day \(fewer than one arrival in 1,000 days/,
  },
  {
    name: 'an SLA of a nanosecond',
    yaml: `${ok}sla: { PENDING: 1e-9 }\n`,
    message: /sla\.PENDING must be ≥ 0\.05 hours/,
  },
  {
    name: 'an overhead of 1e308',
    yaml: `${ok}overheads: { intakeHours: 1e308 }\n`,
    message: /overheads\.intakeHours must be ≤ 1,000 hours/,
  },
  {
    name: 'a price that would overflow a cost',
    yaml: `${ok}cost: { usdPerMillionTokens: 1e300 }\n`,
    message: /cost\.usdPerMillionTokens must be ≤ 1,000,000 USD/,
  },
  {
    name: 'a token rate that would overflow a cost',
    yaml: `${ok}cost: { tokensPerHour: { review: 1e300 } }\n`,
    message: /cost\.tokensPerHour\.review must be ≤ 1,000,000,000 tokens an hour/,
  },
  {
    name: 'an hourly rate of 1e308',
    yaml: `${ok}org:\n  people: [{ id: x, domain: qa, costPerHour: 1e308 }]\n`,
    message: /costPerHour must be ≤ 1,000,000 USD/,
  },
  {
    name: 'a budget of 1e300',
    yaml: `${ok}cost: { budgetUsd: 1e300 }\n`,
    message: /cost\.budgetUsd must be ≤ 1,000,000,000,000 USD/,
  },
  {
    name: 'an effort spread that makes efforts endless',
    yaml: `${ok}effort: { distribution: lognormal, sigma: 50 }\n`,
    message: /effort\.sigma must be ≤ 3/,
  },
  {
    name: 'an estimate of a century',
    yaml: 'instructions:\n  - at: 0\n    tier: 1\n    plan: { strategic: [{ id: s, domain: backend, tasks: [{ id: t, estimateHours: 876000 }] }] }\n',
    message: /estimateHours must be ≤ 10,000 hours/,
  },
  {
    name: 'a ramp-up of a thousand years',
    yaml: `${ok}events:\n  - { type: hire, at: 0, id: n, domain: qa, rampUpDays: 365000 }\n`,
    message: /events\[0\]\.rampUpDays must be ≤ 365 days/,
  },
  {
    name: 'a gate that sends every task back, forever',
    yaml: `${ok}gates: { peerReview: { rejectProbability: 1 } }\n`,
    message:
      /gates\.peerReview\.rejectProbability must be ≤ 0\.95 \(above 0\.95 a task is sent back 20 times or more on average, and at 1 forever\), got 1/,
  },
  {
    name: 'handoffs that are never complete',
    yaml: `${ok}handoff: { incompleteProbability: 1 }\n`,
    message: /handoff\.incompleteProbability must be ≤ 0\.95/,
  },
  {
    name: 'rescales that multiply a task past any estimate',
    yaml: `instructions:\n  - at: 0\n    id: X\n    tier: 1\n    plan: { strategic: [{ id: s, domain: backend, tasks: [{ id: t, estimateHours: 2 }] }] }\nevents:\n${Array.from({ length: 4 }, (_, i) => `  - { type: requirementChange, at: ${i + 1}, instruction: X, rescale: 100 }`).join('\n')}\n`,
    // 2 h × 100 × 100 = 20,000 h at the second rescale: over the 10,000 h cap.
    message:
      /^[^\n]*:8:\d+: events\[1\]\.rescale makes a task of X 2\.00e\+4 h with the rescales before it, over the 10,000 h a task may be estimated at: rescale less$/,
  },
  {
    name: 'a holiday list longer than a run can use',
    yaml: `${ok}org:\n  calendar: { hoursPerDay: 8, holidays: [${Array(20_001).fill(3).join(', ')}] }\n`,
    message: /org\.calendar\.holidays must be ≤ 10000 items/,
  },
  {
    name: 'a shape of a hundred thousand strategic tasks',
    yaml: 'instructions:\n  - { at: 0, tier: 3, shape: { strategic: 100000, tacticalPerStrategic: 1 } }\n',
    message: /instructions\[0\]\.shape\.strategic must be a whole number from 1 to 1,000/,
  },
  // References to nothing, and ids twice.
  {
    name: 'cancelling a task that does not exist',
    yaml: 'instructions:\n  - { id: X, at: 0, tier: 1 }\nevents:\n  - { type: requirementChange, at: 1, instruction: X, cancel: [nope] }\n',
    message: /events\[0\]\.cancel\[0\] names no task of X at that time: "X-nope"/,
  },
  {
    name: 'hiring a second person with an existing id',
    yaml: `${ok}events:\n  - { type: hire, at: 1, id: ic-backend-1, domain: backend }\n`,
    message: /events\[0\]\.id is already someone's id: "ic-backend-1"/,
  },
  {
    name: 'two hires with one id',
    yaml: `${ok}events:\n  - { type: hire, at: 1, id: n, domain: qa }\n  - { type: hire, at: 2, id: n, domain: qa }\n`,
    message: /events\[1\]\.id is already someone's id: "n"/,
  },
  {
    name: 'duplicate task ids in a plan',
    yaml: 'instructions:\n  - at: 0\n    tier: 1\n    plan: { strategic: [{ id: s, domain: backend, tasks: [{ id: t, estimateHours: 2 }, { id: t, estimateHours: 3 }] }] }\n',
    message: /tasks\[1\]\.id repeats the id "t" in this plan/,
  },
  {
    name: 'a strategic and a tactical task with one id',
    yaml: 'instructions:\n  - at: 0\n    tier: 1\n    plan: { strategic: [{ id: s, domain: backend, tasks: [{ id: s, estimateHours: 2 }] }] }\n',
    message: /tasks\[0\]\.id repeats the id "s" in this plan/,
  },
  {
    name: 'two instructions with one id',
    yaml: 'instructions:\n  - { id: A, at: 0, tier: 1 }\n  - { id: A, at: 1, tier: 1 }\n',
    message: /instructions\[1\]\.id repeats the id "A"/,
  },
  {
    name: 'two teams with one id',
    yaml: `${ok}org:\n  teams:\n    - { id: a, ics: { backend: 1 } }\n    - { id: a, ics: { backend: 1 } }\n`,
    message: /^[^\n]*org\.teams\[1\]\.id repeats the team id "a"[^\n]*$/,
  },
  {
    name: 'a human with the EM’s id',
    yaml: `${ok}org:\n  humans: [{ id: em }]\n`,
    message: /org cannot run: two people share the id "em"/,
  },
  {
    name: 'an outage of someone hired later',
    yaml: `${ok}events:\n  - { type: hire, at: 100, id: n, domain: backend }\n  - { type: outage, person: n, from: 50, to: 150 }\n`,
    message:
      /events\[1\]\.from is before n is hired \(at 100\): start the outage at or after the hire/,
  },
  {
    name: 'an outage of no one',
    yaml: `${ok}events:\n  - { type: outage, person: nobody, from: 1, to: 2 }\n`,
    message: /^[^\n]*events\[0\]\.person names no one in the org: "nobody"[^\n]*$/,
  },
  {
    name: 'a hire into no team',
    yaml: `${ok}events:\n  - { type: hire, at: 1, id: n, team: ghosts, domain: qa }\n`,
    message: /events\[0\]\.team names no team: "ghosts"/,
  },
  {
    name: 'a change to no instruction',
    yaml: `${ok}events:\n  - { type: requirementChange, at: 1, instruction: Z, rescale: 2 }\n`,
    message: /events\[0\]\.instruction names no instruction: "Z"/,
  },
  {
    name: 'a plan in a domain the org does not staff',
    yaml: `org:\n  ics: { backend: 1 }\ninstructions:\n  - at: 0\n    tier: 1\n    plan: { strategic: [{ id: s, domain: security, tasks: [{ id: t, estimateHours: 2 }] }] }\n`,
    message: /instructions\[0\] cannot run: .*security/,
  },
];
