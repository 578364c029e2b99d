// Queueing theory for checking the simulator: the M/M/c queue's Erlang C formula.

/** Probability an arrival waits in an M/M/c queue with offered load a = λ/μ (requires a < c). */
export function erlangC(c: number, a: number): number {
  if (!(a < c))
    throw new RangeError(`Erlang C needs a load below the server count: a = ${a}, c = ${c}.`);
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c;
  const top = last * (c / (c - a));
  return top / (sum + top);
}

/** Mean wait in queue Wq of an M/M/c queue with arrival rate λ and service rate μ per server. */
export function mmcMeanWait(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}
