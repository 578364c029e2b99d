// How long work really takes, given its estimate: the estimate times noise drawn from the
// scenario's distribution, every one with mean equal to the estimate.

import type { RandomStream } from '../kernel/random.ts';
import type { Hours } from '../kernel/time.ts';

export type EffortModel =
  | { readonly kind: 'fixed' }
  | { readonly kind: 'lognormal'; readonly sigma: number }
  | { readonly kind: 'exponential' }
  | { readonly kind: 'uniform'; readonly spread: number }
  | { readonly kind: 'triangular'; readonly spread: number };

/** A draw of the real effort of work estimated at `estimate` hours; its mean is `estimate`. */
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
  }
}
