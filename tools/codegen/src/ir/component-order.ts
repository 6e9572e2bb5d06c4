/**
 * Orders components so that each is defined after the components it uses (a zod schema must exist
 * before another schema can embed it), breaking ties alphabetically so the output is stable.
 * Components in a reference cycle are grouped; the emitters refer to each other lazily inside a
 * group.
 */
export function orderComponents(graph: ReadonlyMap<string, ReadonlySet<string>>): {
  order: string[];
  cycles: Map<string, string[]>;
} {
  const groups = stronglyConnected(graph);
  const groupOf = new Map<string, number>();
  groups.forEach((members, i) => members.forEach((m) => groupOf.set(m, i)));
  const cycles = new Map<string, string[]>();
  groups.forEach((members) => {
    const sorted = [...members].sort(compare);
    const selfLoop = sorted.length === 1 && graph.get(sorted[0]!)?.has(sorted[0]!) === true;
    if (sorted.length > 1 || selfLoop) for (const m of sorted) cycles.set(m, sorted);
  });

  // Kahn's algorithm over groups; a group is ready when the groups it depends on are placed.
  const dependsOn = groups.map(() => new Set<number>());
  const dependents = groups.map(() => new Set<number>());
  for (const [from, tos] of graph) {
    const g = groupOf.get(from)!;
    for (const to of tos) {
      const h = groupOf.get(to);
      if (h === undefined || h === g) continue;
      dependsOn[g]!.add(h);
      dependents[h]!.add(g);
    }
  }
  const label = groups.map((members) => [...members].sort(compare)[0]!);
  const ready = groups.map((_, i) => i).filter((i) => dependsOn[i]!.size === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => compare(label[a]!, label[b]!));
    const g = ready.shift()!;
    order.push(...[...groups[g]!].sort(compare));
    for (const d of dependents[g]!) {
      dependsOn[d]!.delete(g);
      if (dependsOn[d]!.size === 0) ready.push(d);
    }
  }
  return { order, cycles };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tarjan's algorithm, iterative so deep schemas cannot overflow the stack. */
function stronglyConnected(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const start of [...graph.keys()].sort(compare)) {
    if (index.has(start)) continue;
    const work: { node: string; edges: string[]; i: number }[] = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: [...(graph.get(node) ?? [])].sort(compare), i: 0 });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.edges.length) {
        const next = frame.edges[frame.i++]!;
        if (!graph.has(next)) continue;
        if (!index.has(next)) enter(next);
        else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}
