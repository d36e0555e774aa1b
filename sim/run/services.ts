/**
 * Services one part of a run offers another, by name and type: the broadcast family offers
 * who holds which rumour (churn's resync reads it), dynamics offers the membership. A
 * consumer asks the run's context for a key; nothing is kept outside the context.
 */

/** A named, typed service (the type parameter is what `get` returns). */
export interface ServiceKey<T> {
  readonly name: string;
  /** Never set: it only carries T. */
  readonly type?: T;
}

export function serviceKey<T>(name: string): ServiceKey<T> {
  return { name };
}

/** The services of one run (one instance per context). */
export class Services {
  private readonly values = new Map<ServiceKey<unknown>, unknown>();

  /** Offers `value` as `key` for the rest of the run; offering a key twice is a bug. */
  provide<T>(key: ServiceKey<T>, value: T): T {
    if (this.values.has(key)) throw new Error(`services: '${key.name}' is provided twice`);
    this.values.set(key, value);
    return value;
  }

  /** The service, or undefined when no part of the run offers it. */
  get<T>(key: ServiceKey<T>): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  /** The service; throws when no part of the run offers it. */
  require<T>(key: ServiceKey<T>): T {
    const value = this.get(key);
    if (value === undefined) throw new Error(`services: no part of this run provides '${key.name}'`);
    return value;
  }
}
