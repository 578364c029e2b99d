// The scale series' org: proportional work over a simulated year, about 100 one-task instructions
// per agent at roughly 60 % load on the ICs (bench:sim and bench:targets).

import type { SimConfig } from '../src/scenario/config.ts';
import { defaultConfig, defaultOrg } from '../src/scenario/defaults.ts';

/** An org of about `agents` people and the year of work the series gives it. */
export function scaleConfig(agents: number): SimConfig {
  // Teams of a TL, a backend and a frontend lead and up to ten ICs, under one EM.
  const teams = Math.max(1, Math.round((agents - 1) / 13));
  const perTeam = Math.max(1, Math.round((agents - 1) / teams) - 3);
  const headcount = {
    backend: Math.ceil(perTeam / 2),
    frontend: Math.floor(perTeam / 2),
    qa: 0,
    devops: 0,
    data: 0,
    security: 0,
  };
  const org = defaultOrg({ teams, headcount });
  // About 100 one-task instructions a year per agent, at roughly 60 % load on the ICs.
  const year = 24 * 365;
  const count = Math.round(agents * 100);
  // Plans never depend on staffing, so the work names the two domains the series staffs.
  const instructions = Array.from({ length: count }, (_, i) => ({
    id: `W${i + 1}`,
    at: (i * year) / count,
    tier: 1 as const,
    priority: 3 as const,
    title: 'work',
    hint: {
      domains: headcount.frontend > 0 ? (['backend', 'frontend'] as const) : ['backend' as const],
    },
  }));
  // One EM takes every instruction: at 0.25 h an intake it saturates near 350 agents (the
  // bottleneck report says so), so the series sets intake to zero to measure the simulator.
  const base = defaultConfig();
  return defaultConfig({
    seed: 7,
    org,
    instructions,
    standupHour: null,
    capacityReviewHour: null,
    overheads: { ...base.overheads, intakeHours: 0 },
  });
}
