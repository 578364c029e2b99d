// Walks of a dependency graph without recursion, so that a plan of 100,000 tasks in one chain
// needs no deeper stack than a plan of one: a depth-first order that finds cycles, and the
// longest chain from each node.

/** A graph as each node's dependencies (edges to what must come first). */
export interface DependencyGraph {
  readonly nodes: readonly string[];
  readonly dependsOn: (id: string) => readonly string[];
}

export interface Ordered {
  /** Every node after all its dependencies (nodes on a cycle are placed when first closed). */
  readonly order: string[];
  /** Each cycle found, as its nodes in dependency order, the first repeated at the end. */
  readonly cycles: string[][];
}

/** A dependencies-first order of the graph, and its cycles; unknown dependencies are ignored. */
export function dependencyOrder(graph: DependencyGraph): Ordered {
  const known = new Set(graph.nodes);
  const state = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  const cycles: string[][] = [];
  for (const root of graph.nodes) {
    if (state.has(root)) continue;
    // The current path, each node with the index of its next dependency to look at.
    const path: string[] = [root];
    const next: number[] = [0];
    state.set(root, 'open');
    while (path.length > 0) {
      const id = path.at(-1) as string;
      const deps = graph.dependsOn(id);
      const i = next[next.length - 1] as number;
      if (i < deps.length) {
        next[next.length - 1] = i + 1;
        const d = deps[i] as string;
        if (!known.has(d) || state.get(d) === 'done') continue;
        if (state.get(d) === 'open') {
          cycles.push([...path.slice(path.indexOf(d)), d]);
          continue;
        }
        state.set(d, 'open');
        path.push(d);
        next.push(0);
        continue;
      }
      state.set(id, 'done');
      order.push(id);
      path.pop();
      next.pop();
    }
  }
  return { order, cycles };
}
