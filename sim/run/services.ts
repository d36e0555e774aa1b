/**
 * Services one part of a run offers another, by name and type: the broadcast family offers
 * who holds which rumour (churn's resync reads it), dynamics offers the membership. A
 * consumer asks the run's context for a key; nothing is kept outside the context.
 */

/** A named, typed service; `create` builds it on first request when no part provides it. */
export interface ServiceKey<T> {
  readonly name: string;
  readonly create?: (services: Services) => T;
}

export function serviceKey<T>(name: string, create?: (services: Services) => T): ServiceKey<T> {
  return { name, create };
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

  /** The service, or undefined when no part of the run offers it (and it has no default). */
  get<T>(key: ServiceKey<T>): T | undefined {
    const value = this.values.get(key) as T | undefined;
    if (value !== undefined || !key.create) return value;
    return this.provide(key, key.create(this));
  }

  /** The service; throws when no part of the run offers it. */
  require<T>(key: ServiceKey<T>): T {
    const value = this.get(key);
    if (value === undefined) throw new Error(`services: no part of this run provides '${key.name}'`);
    return value;
  }
}
