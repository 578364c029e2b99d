// How long work really takes, given its estimate: the estimate times a ratio drawn from the
// scenario's distribution. The parametric ones have mean 1; an empirical one is a team's own
// history of actual ÷ estimate, used as given, so a team that overruns keeps overrunning.

import type { RandomStream } from '../kernel/random.ts';
import type { Hours } from '../kernel/time.ts';

export type EffortModel =
  | { readonly kind: 'fixed' }
  | { readonly kind: 'lognormal'; readonly sigma: number }
  | { readonly kind: 'exponential' }
  | { readonly kind: 'uniform'; readonly spread: number }
  | { readonly kind: 'triangular'; readonly spread: number }
  | { readonly kind: 'empirical'; readonly samples: readonly number[] }
  | { readonly kind: 'empirical'; readonly bins: readonly EffortBin[] };

/** A histogram bin of actual ÷ estimate ratios: [from, to), drawn with odds ∝ weight. */
export interface EffortBin {
  readonly from: number;
  readonly to: number;
  readonly weight: number;
}

/** A bin drawn with odds proportional to its weight, from one uniform `u` in [0, 1). */
function binAt(bins: readonly EffortBin[], u: number): EffortBin {
  let left = u * bins.reduce((sum, b) => sum + b.weight, 0);
  for (const bin of bins) {
    if (left < bin.weight) return bin;
    left -= bin.weight;
  }
  // Rounding can leave `left` a hair above the last weight: that draw belongs to the last bin.
  return bins[bins.length - 1] as EffortBin;
}

/**
 * A draw of the real effort of work estimated at `estimate` hours: its mean is `estimate`, or
 * `estimate` times the mean of an empirical distribution.
 */
export function drawEffort(model: EffortModel, estimate: Hours, random: RandomStream): Hours {
  switch (model.kind) {
    case 'fixed':
      return estimate;
    case 'lognormal':
      return estimate * Math.exp(model.sigma * random.normal() - (model.sigma * model.sigma) / 2);
    case 'exponential':
      return random.exponential(estimate);
    case 'uniform':
      return estimate * (1 + model.spread * (2 * random.float() - 1));
    case 'triangular': {
      // Symmetric triangular on [1 − spread, 1 + spread]: the mean of two uniforms.
      const u = (random.float() + random.float()) / 2;
      return estimate * (1 + model.spread * (2 * u - 1));
    }
    case 'empirical': {
      if ('samples' in model) return estimate * random.pick(model.samples);
      const bin = binAt(model.bins, random.float());
      return estimate * (bin.from + random.float() * (bin.to - bin.from));
    }
  }
}
