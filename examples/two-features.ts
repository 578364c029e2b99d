// A scenario written in code rather than YAML: the same fields a scenario file has.

export const scenario = {
  name: 'two-features',
  seed: 7,
  org: { ics: { frontend: 2, backend: 2, qa: 1 } },
  instructions: [
    {
      id: 'F1',
      at: 0,
      tier: 3,
      priority: 'P1',
      title: 'Checkout redesign',
      domains: ['frontend', 'backend', 'qa'],
    },
    { id: 'F2', at: 24, tier: 2, priority: 'P2', title: 'Saved carts', domains: ['backend', 'qa'] },
  ],
};
