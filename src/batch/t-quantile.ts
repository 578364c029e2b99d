// Student's t quantile, from jStat (one small package; agrees with @stdlib's to 5e-8 relative over
// p 0.95–0.9995 and 1–5,000 degrees of freedom, measured when it replaced it).

import jstat from 'jstat';

/** The p-quantile of Student's t distribution with `df` degrees of freedom (df ≥ 1). */
export function tQuantile(p: number, df: number): number {
  return jstat.jStat.studentt.inv(p, df);
}
