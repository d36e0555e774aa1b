/**
 * The structured family in a run: `dht` searches beside unstructured ones over the same data
 * and queries, its results section, validation of its keys, and reproducibility.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../sim/run/run-scenario';
import { loadScenarioText } from '../../../sim/scenario/load';

const yaml = (structured: string, extra = '') => `name: dht
duration: 5min
peers: { count: 300 }
data: { objects: 50, replication: { ratio: 0.02 } }
structured: ${structured}
${extra}
workload:
  searches:
    - { protocol: dht, count: 200, start: 1min, spacing: 0.1s }
    - { protocol: flood, count: 200, start: 1min, spacing: 0.1s, ttl: 3 }
`;

const run = (text: string, sets: string[] = []) => runScenario(loadScenarioText(text, 'dht.yaml', sets));

describe('structured: dht searches in a run', () => {
  it('Chord and Kademlia find every item on a stable network; the search and structured sections agree', () => {
    for (const protocol of ['chord', 'kademlia']) {
      const r = run(yaml(`{ protocol: ${protocol}, bootstrap: ideal }`));
      const s = r.structured!;
      const dht = r.searches!.byProtocol!.dht;
      expect(s.protocol).toBe(protocol);
      expect(s.lookups.successRate).toBe(1);
      expect(dht.successRate).toBe(1);
      // Every dht query that the origin could not answer itself started one lookup.
      expect(s.lookups.count).toBe(dht.queries - dht.localHits);
      expect(s.lookups.hopsHistogram.reduce((a, b) => a + b, 0)).toBe(s.lookups.count);
      expect(s.lookups.messagesPerLookup! * s.lookups.count).toBeCloseTo(dht.queryMessages, 6);
      expect(s.routingState.peers).toBe(300);
      expect(s.maintenance.messages).toBeGreaterThan(0);
      expect(s.ring!.positions).toHaveLength(300);
      expect(s.ring!.lookup!.path.length).toBeGreaterThan(0);
      // Both searches drew the same origins and items: the flood's queries are the dht's.
      expect(r.searches!.byProtocol!.flood.queries).toBe(200);
    }
  });

  it('joins through bootstrap peers, churn and a mass failure: lookups still mostly succeed, and upkeep costs messages', () => {
    const r = run(yaml('{ protocol: chord, bootstrap: join }',
      'churn: { session: { dist: exponential, mean: 10min }, downtime: { dist: exponential, mean: 5min } }\nfailures: { at: 2min, fraction: 0.2 }'));
    const s = r.structured!;
    expect(s.lookups.successRate!).toBeGreaterThan(0.8);
    expect(s.maintenance.messagesPerPeerPerSecond!).toBeGreaterThan(0);
    expect(s.timeouts).toBeGreaterThan(0);
  });

  it('the same scenario and seed give the same results', () => {
    const text = yaml('{ protocol: kademlia, bootstrap: join }', 'churn: { session: { dist: exponential, mean: 10min } }');
    const a = run(text), b = run(text);
    a.engine.wallSeconds = b.engine.wallSeconds = 0;
    a.engine.eventsPerSecond = b.engine.eventsPerSecond = 0;
    a.engine.peakRssBytes = b.engine.peakRssBytes = 0;
    expect(JSON.stringify(a.structured)).toBe(JSON.stringify(b.structured));
    expect(JSON.stringify(a.searches)).toBe(JSON.stringify(b.searches));
  });

  it('a dht search without a structured section, and too few ID bits, are input errors naming the key', () => {
    expect(() => loadScenarioText(`name: x
workload: { searches: { protocol: dht } }
`, 'x.yaml')).toThrow(/workload\.searches\[0\]\.protocol|workload\.searches\.0\.protocol|structured/);
    expect(() => loadScenarioText(`name: x
peers: { count: 1000 }
structured: { bits: 8 }
`, 'x.yaml')).toThrow(/structured\.bits/);
  });
});
