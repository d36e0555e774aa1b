/**
 * The aggregation family's message payloads (network/messages.ts): one layout for its
 * request, reply and refusal, 3 Int32 fields a message:
 *   [0] the initiator's exchange number (a reply or refusal to an older exchange is stale)
 *   [1, 2] a float64 value, bit for bit: the initiator's estimate (request) or the average (reply)
 */
import { PayloadPool } from '../../network/messages.js';
import { fromWords, highWord, lowWord } from '../../math/words.js';

export const STRIDE = 3;

export class AggregationPayloads {
  readonly pool = new PayloadPool(STRIDE);

  /** A slot holding (exchange, value), ready to post. */
  compose(exchange: number, value: number): number {
    const slot = this.pool.take();
    const d = this.pool.data, o = slot * STRIDE;
    d[o] = exchange;
    d[o + 1] = lowWord(value);
    d[o + 2] = highWord(value);
    return slot;
  }

  exchange(slot: number): number {
    return this.pool.data[slot * STRIDE];
  }

  value(slot: number): number {
    const d = this.pool.data, o = slot * STRIDE;
    return fromWords(d[o + 2], d[o + 1]);
  }
}
