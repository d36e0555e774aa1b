/** Small graphs whose metrics are worked out by hand in the metric tests. */
import { Graph } from '../../sim/overlay/graph.js';

export function fromLinks(n: number, links: Array<[number, number]>): Graph {
  const g = new Graph(n);
  for (const [p, q] of links) g.addLink(p, q);
  return g;
}

/** Triangle 0-1-2 and the path 3-4-5. */
export const trianglePlusPath = () => fromLinks(6, [[0, 1], [1, 2], [2, 0], [3, 4], [4, 5]]);
/** Star: centre 0, leaves 1..5. */
export const star = () => fromLinks(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]]);
/** Ring (cycle) of n peers. */
export const ring = (n: number) => fromLinks(n, Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as [number, number]));
/** Complete graph on n peers. */
export const complete = (n: number) => {
  const links: Array<[number, number]> = [];
  for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) links.push([p, q]);
  return fromLinks(n, links);
};
