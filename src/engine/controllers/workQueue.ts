import type { EngineContext } from '../context.ts'

/**
 * A controller's work queue: a key is synced once per instant no matter how many
 * changes asked for it (client-go's workqueue de-duplication).
 */
export class WorkQueue {
  private pending = new Set<string>()

  constructor(
    private readonly ctx: EngineContext,
    private readonly name: string,
    private readonly sync: (key: string) => void,
  ) {}

  add(key: string, delayMs = 0): void {
    if (delayMs > 0) {
      this.ctx.after(delayMs, `${this.name}: requeue ${key}`, () => this.add(key))
      return
    }
    if (this.pending.has(key)) return
    this.pending.add(key)
    this.ctx.after(0, `${this.name}: sync ${key}`, () => {
      this.pending.delete(key)
      this.sync(key)
    })
  }
}

/** `namespace/name`, the key controllers use. */
export function nsKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/')
  return [key.slice(0, i), key.slice(i + 1)]
}
