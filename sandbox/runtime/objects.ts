/**
 * Remembers the model objects a program touched, by their trace id (`__id`), so a diagram event
 * clicked after the run (e.g. `move_notify` on attachment 4) can reach the very object the
 * program created. Module functions are wrapped transparently: arguments and return values that
 * carry a numeric `__id` are recorded; everything else passes through unchanged.
 */
export class ObjectRegistry {
  private readonly byId = new Map<number, object>();
  private readonly wrapped = new Map<string, Readonly<Record<string, unknown>>>();

  /** The object with trace id `id`, if the program handled it. */
  get<T extends object = object>(id: number): T | undefined {
    return this.byId.get(id) as T | undefined;
  }

  /** Every recorded object with its id. */
  entries(): [number, object][] {
    return [...this.byId.entries()];
  }

  /** Records `v` (and, one level down, objects it holds) when it carries an `__id`. */
  note(v: unknown): void {
    if (typeof v !== 'object' || v === null) return;
    const id = (v as { __id?: unknown }).__id;
    if (typeof id === 'number' && !this.byId.has(id)) this.byId.set(id, v);
    for (const k of ['dmabuf', 'fence', 'resv', 'attach']) {
      const inner = (v as Record<string, unknown>)[k];
      if (inner && typeof inner === 'object') {
        const iid = (inner as { __id?: unknown }).__id;
        if (typeof iid === 'number' && !this.byId.has(iid)) this.byId.set(iid, inner);
      }
    }
  }

  /** A view of module `name` whose functions record the objects they receive and return. */
  wrapModule(name: string, mod: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
    const cached = this.wrapped.get(name);
    if (cached) return cached;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(mod)) {
      out[key] = typeof value === 'function' ? this.wrapFunction(value as (...a: unknown[]) => unknown) : value;
    }
    Object.defineProperty(out, '__esModule', { value: true });
    const frozen = Object.freeze(out);
    this.wrapped.set(name, frozen);
    return frozen;
  }

  private wrapFunction(fn: (...a: unknown[]) => unknown): unknown {
    const self = this;
    return new Proxy(fn, {
      apply(target, thisArg, args: unknown[]) {
        for (const a of args) self.note(a);
        const r = Reflect.apply(target, thisArg, args);
        self.note(r);
        for (const a of args) self.note(a);
        return r;
      },
      construct(target, args: unknown[], newTarget) {
        const r = Reflect.construct(target, args, newTarget) as object;
        self.note(r);
        return r;
      },
    });
  }
}
