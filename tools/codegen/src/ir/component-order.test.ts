import { describe, expect, it } from 'vitest';
import { orderComponents } from './component-order.js';

const graph = (edges: Record<string, string[]>) =>
  new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));

describe('orderComponents', () => {
  it('puts dependencies first and breaks ties alphabetically', () => {
    const { order, cycles } = orderComponents(graph({ C: [], B: ['C'], A: ['B'], D: [] }));
    expect(order).toEqual(['C', 'B', 'A', 'D']);
    expect(cycles.size).toBe(0);
  });

  it('groups reference cycles, including self-references', () => {
    const { order, cycles } = orderComponents(
      graph({
        Tree: ['Tree', 'Folder'],
        Folder: ['Tree'],
        Leaf: [],
        User: ['Folder'],
        Self: ['Self'],
      }),
    );
    expect(order).toEqual(['Folder', 'Tree', 'Leaf', 'Self', 'User']);
    expect(cycles.get('Tree')).toEqual(['Folder', 'Tree']);
    expect(cycles.get('Self')).toEqual(['Self']);
    expect(cycles.has('User')).toBe(false);
  });
});
