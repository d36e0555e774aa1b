/** What the papers predict, for the tests and the validation table. */
import type { Built } from './harness';
import type { Chord } from '../../../sim/protocols/structured/chord';
import type { Kademlia } from '../../../sim/protocols/structured/kademlia';
import { NamedStream } from '../../../sim/engine/random';

/**
 * Expected contacts of a Kademlia peer with every bucket filled from all N − 1 others: bucket
 * j (prefix length j) sees Binomial(N − 1, 2^−(j+1)) peers and keeps at most k; the last
 * kept level holds everyone sharing at least `levels` − 1 bits.
 */
export function expectedContacts(n: number, k: number, levels: number): number {
  let sum = 0;
  for (let j = 0; j < levels; j++) {
    const p = j === levels - 1 ? 2 ** -j : 2 ** -(j + 1);
    // E[min(k, X)], X ~ Binomial(n − 1, p): sum of P(X >= x) for x = 1..k.
    let pmf = (1 - p) ** (n - 1), cdf = pmf;
    let e = 0;
    for (let x = 1; x <= k; x++) {
      e += 1 - cdf;
      pmf = pmf * ((n - 1 - (x - 1)) / x) * (p / (1 - p));
      cdf += pmf;
    }
    sum += e;
  }
  return sum;
}

/** Mean Chord path length (nodes to the key's predecessor, origin not counted) over `count` random lookups. */
export function chordPathLength(b: Built, count: number, seed = 1): { mean: number; failures: number } {
  const chord = b.dht.protocol as Chord, n = b.ctx.peers.count;
  const rng = new NamedStream(seed, 'chord-path');
  let sum = 0, counted = 0, failures = 0;
  for (let i = 0; i < count; i++) {
    const origin = Math.floor(rng.next() * n), key = b.dht.core.space.draw(rng);
    chord.lookupOwner(origin, key, (o) => {
      if (!o.success) failures++;
      else if (o.predecessorHops >= 0) { sum += o.predecessorHops; counted++; }
    });
  }
  b.runTo(b.ctx.scenario.duration);
  return { mean: sum / counted, failures };
}

/** Mean rounds of `count` random Kademlia node lookups. */
export function kademliaRounds(b: Built, count: number, seed = 1): { mean: number; failures: number } {
  const kad = b.dht.protocol as Kademlia, n = b.ctx.peers.count;
  const rng = new NamedStream(seed, 'kademlia-rounds');
  let sum = 0, counted = 0, failures = 0;
  for (let i = 0; i < count; i++) {
    const origin = Math.floor(rng.next() * n), key = b.dht.core.space.draw(rng);
    kad.lookupNodes(origin, key, (o) => { if (o.success) { sum += o.rounds; counted++; } else failures++; });
  }
  b.runTo(b.ctx.scenario.duration);
  return { mean: sum / counted, failures };
}
