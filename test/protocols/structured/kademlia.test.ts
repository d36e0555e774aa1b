/**
 * Kademlia against the paper (Maymounkov & Mazières, IPTPS 2002): node lookups return the k
 * closest live peers (checked by brute force), rounds grow by a small step per doubling of
 * N, full buckets hold what the binomial count of each prefix predicts; joins and failures.
 */
import { describe, expect, it } from 'vitest';
import { buildDht, expectedContacts, kademliaClosest, kademliaRounds } from '../../../sim/protocols/structured/experiments';
import type { Kademlia } from '../../../sim/protocols/structured/kademlia';
import { NamedStream } from '../../../sim/engine/random';

const IDEAL_STILL = '{ protocol: kademlia, bootstrap: ideal, kademlia: { refresh: 0 } }';


describe('kademlia in a stable network (Maymounkov & Mazières 2002)', () => {
  it('every node lookup returns the k closest live peers to the key (brute force, N = 512 and 2,048)', () => {
    for (const n of [512, 2048]) {
      const { wrong, done } = kademliaClosest(buildDht(IDEAL_STILL, { peers: n, duration: 50 }), 300, n);
      expect(done).toBe(300);
      expect(wrong).toBe(0);
    }
  });

  it('the mean number of rounds rises by a small, roughly constant step per doubling of N (2^10 to 2^12; 2^14 in npm run validation)', () => {
    const rounds = [10, 11, 12].map((e) => kademliaRounds(buildDht(IDEAL_STILL, { peers: 2 ** e, duration: 50 }), 1000, e));
    for (const r of rounds) expect(r.failures).toBe(0);
    const steps = rounds.slice(1).map((r, i) => r.mean - rounds[i].mean);
    // Measured 0.19 and 0.27 (0.21, 0.15 on to 2^14): each positive and below half a round.
    for (const s of steps) {
      expect(s).toBeGreaterThan(0.05);
      expect(s).toBeLessThan(0.5);
    }
  });

  it('with full buckets a peer holds the contacts the binomial prefix counts predict, about k·log2(N/k) (within 3%)', () => {
    for (const n of [1024, 8192]) {
      const b = buildDht(IDEAL_STILL, { peers: n, duration: 1 });
      const kad = b.dht.protocol as Kademlia;
      let sum = 0;
      for (let p = 0; p < n; p++) sum += kad.routingEntries(p);
      const expected = expectedContacts(n, kad.k, kad.levels);
      // Sampling error over N peers is far below 1%; 3% covers the last, merged bucket's approximation.
      expect(Math.abs(sum / n - expected) / expected).toBeLessThan(0.03);
      // And k·log2(N/k) is the order of it: within 20% (the partly filled deeper buckets add about k).
      expect(Math.abs(sum / n - kad.k * Math.log2(n / kad.k)) / (kad.k * Math.log2(n / kad.k))).toBeLessThan(0.2);
    }
  });
});

describe('kademlia: joining and failing', () => {
  it('500 peers joining through bootstrap peers: node lookups then return the k closest live peers', () => {
    const b = buildDht('{ protocol: kademlia, bootstrap: join, joinWindow: 20 }', { peers: 500, duration: 300 });
    b.runTo(100);
    const { wrong, done } = kademliaClosest(b, 200, 5);
    expect(done).toBe(200);
    // Lookups converge on the k closest as long as each peer's own neighbourhood is in its buckets.
    expect(wrong).toBeLessThanOrEqual(2);
  });

  it('with a third of the peers failed at once, lookups time out on dead contacts and route around them to most of the k closest live peers', () => {
    const b = buildDht(IDEAL_STILL, { peers: 1024, duration: 300 });
    const rng = new NamedStream(9, 'fail');
    for (let p = 0; p < 1024; p++) if (rng.next() < 1 / 3) b.ctx.peers.setAlive(p, false);
    const before = b.dht.core.net.timeouts;
    const { done, overlap } = kademliaClosest(b, 200, 11);
    expect(done).toBe(200);
    expect(b.dht.core.net.timeouts).toBeGreaterThan(before);
    // Replies still list dead contacts (no one has refreshed yet), so a few of the true k closest
    // go unheard of: measured 0.9 of them found. The exact property holds in stable networks only.
    expect(overlap).toBeGreaterThan(0.85);
  });
});

describe('kademlia: a full bucket pings its least recently seen contact (the paper, §2.2)', () => {
  /** A peer's full bucket, its contacts oldest first, and a peer of that bucket's range not in it. */
  const fullBucket = (b: ReturnType<typeof buildDht>) => {
    const kad = b.dht.protocol as Kademlia;
    const p = 3, L = kad.levels, at = p * L;
    expect(kad.counts[at]).toBe(kad.k);
    const bucket = Array.from(kad.contacts.subarray(at * kad.k, at * kad.k + kad.k));
    const ids = b.dht.core.ids, space = b.dht.core.space;
    let newcomer = -1;
    for (let q = 0; q < b.ctx.peers.count && newcomer < 0; q++) {
      if (q !== p && !bucket.includes(q) && space.commonPrefix(ids[p], ids[q]) === 0) newcomer = q;
    }
    expect(newcomer).toBeGreaterThanOrEqual(0);
    return { kad, p, at, bucket, newcomer };
  };
  const contactsOf = (kad: Kademlia, at: number) => Array.from(kad.contacts.subarray(at * kad.k, at * kad.k + kad.counts[at]));
  const sent = (b: ReturnType<typeof buildDht>, type: string) => b.dht.core.net.maintenanceTally[type].messages;
  const SMALL = '{ protocol: kademlia, bootstrap: ideal, kademlia: { k: 2, refresh: 0 } }';

  it('a live oldest contact answers: it moves to the tail and the newcomer is dropped', () => {
    const b = buildDht(SMALL, { peers: 64, duration: 50 });
    const { kad, p, at, bucket, newcomer } = fullBucket(b);
    kad.touch(p, newcomer);
    b.runTo(5);
    // One ping, answered: the pinged peer's own full bucket drops the pinger without pinging in turn.
    expect(sent(b, 'kademlia/ping')).toBe(1);
    expect(sent(b, 'kademlia/pong')).toBe(1);
    expect(b.dht.core.net.timeouts).toBe(0);
    expect(contactsOf(kad, at)).toEqual([bucket[1], bucket[0]]);
  });

  it('a dead oldest contact times out: it is evicted and the newcomer takes its place', () => {
    const b = buildDht(SMALL, { peers: 64, duration: 50 });
    const { kad, p, at, bucket, newcomer } = fullBucket(b);
    b.ctx.peers.setAlive(bucket[0], false);
    kad.touch(p, newcomer);
    // A second newcomer heard while the ping is out sends no second ping.
    kad.touch(p, newcomer);
    b.runTo(5);
    expect(sent(b, 'kademlia/ping')).toBe(1);
    expect(sent(b, 'kademlia/pong')).toBe(0);
    expect(contactsOf(kad, at)).toEqual([bucket[1], newcomer]);
  });
});
