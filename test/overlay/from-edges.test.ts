import { describe, expect, it } from 'vitest';
import { EdgeList, graphFromEdges, tightCopy } from '../../sim/overlay/from-edges.js';
import { Graph } from '../../sim/overlay/graph.js';
import { adjacencyLists, expectSimpleSymmetric } from './graph-checks.js';

describe('from-edges', () => {
  it('graphFromEdges lays runs out exactly as long as degrees', () => {
    const g = graphFromEdges(4, Int32Array.from([0, 1, 0, 2, 2, 3, 9, 9]), 3); // trailing pair ignored
    expect(adjacencyLists(g)).toEqual([[1, 2], [0], [0, 3], [2]]);
    expect(Array.from(g.offset)).toEqual([0, 2, 3, 5]);
    expect(g.used).toBe(6);
    expect(g.edges).toBe(3);
    expectSimpleSymmetric(g);
  });

  it('tightCopy keeps neighbours and order, drops slack', () => {
    const g = new Graph(5, 64);
    g.addLink(0, 1); g.addLink(0, 2); g.addLink(3, 4); g.addLink(1, 2); g.removeLink(0, 2);
    const t = tightCopy(g);
    for (let p = 0; p < 5; p++) expect(t.neighbors(p)).toEqual(g.neighbors(p));
    expect(t.used).toBe(2 * g.edges);
    expect(t.edges).toBe(g.edges);
    expectSimpleSymmetric(t);
    expect(t.addLink(0, 4)).toBe(true); // still mutable (relocates)
    expectSimpleSymmetric(t);
  });

  it('EdgeList grows', () => {
    const e = new EdgeList(1);
    for (let i = 0; i < 100; i++) e.push(i, i + 1);
    expect(e.count).toBe(100);
    expect(e.data[198]).toBe(99);
    expect(e.data[199]).toBe(100);
  });
});
