// A user's own assignment strategy, as plain JavaScript: serve the task with the longest remaining
// path first (as critical-path-first does), but give it to the IC with the lowest expected cost of
// finishing it — rate × hours at the IC's skill — unless that IC would finish it more than a day
// later than the soonest one. Use it with `strategy: ./cost-aware-critical-path.js` in a scenario,
// `--strategy examples/strategies/cost-aware-critical-path.js`, or `--vary strategy=weighted,<path>`.

/** Hours an IC at `skill` needs for a task of `complexity` (1–5) estimated at `hours`. */
function hoursFor(skill, complexity, hours) {
  // orgsim's own effort factor: each level below the complexity costs 25 % more; no skill, double.
  if (skill <= 0) return hours * 2;
  return hours * (1 + 0.25 * Math.max(0, complexity - skill));
}

/** @returns {import('orgsim').AssignmentStrategy} */
export default function costAwareCriticalPath() {
  return {
    name: 'cost-aware-critical-path',
    compare: (a, b) =>
      a.priority - b.priority ||
      b.remainingPathHours - a.remainingPathHours ||
      a.arrival - b.arrival,
    choose(task, candidates) {
      const finish = (ic) =>
        ic.queuedHours + hoursFor(ic.skill, task.complexity, task.estimateHours);
      const soonest = Math.min(...candidates.map(finish));
      let best = null;
      for (const ic of candidates) {
        if (finish(ic) > soonest + 24) continue;
        const cost = ic.costPerHour * hoursFor(ic.skill, task.complexity, task.estimateHours);
        if (best === null || cost < best.cost) best = { ic, cost };
      }
      return best.ic;
    },
  };
}
