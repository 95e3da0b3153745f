import type { ScheduledTask } from '../eventQueue.ts'
import { taskLabel, type KubeletHost } from './kubeletHost.ts'
import type { PodRuntime } from './podRuntime.ts'

/**
 * The kubelet's pod workers: one per pod, and at most one pending sync each on the event
 * queue. Asking for a sync earlier than the pending one moves it; later asks are covered,
 * because every sync ends by asking for the next time a container of the pod is due.
 */
export class PodWorkers {
  private pending = new Map<string, ScheduledTask>()

  constructor(
    private readonly host: KubeletHost,
    private readonly sync: (runtime: PodRuntime) => void,
  ) {}

  /** Sync the pod in `delayMs` (or earlier, if a sync is already due before). */
  syncAfter(runtime: PodRuntime, delayMs: number, why = 'sync pod'): void {
    const at = this.host.ctx.clock.now + delayMs
    const current = this.pending.get(runtime.uid)
    if (current && !current.cancelled && current.at <= at) return
    current?.cancel()
    const task = this.host.ctx.after(delayMs, taskLabel(this.host, `${why} ${runtime.name}`), () => {
      if (this.pending.get(runtime.uid) === task) this.pending.delete(runtime.uid)
      this.sync(runtime)
    })
    this.pending.set(runtime.uid, task)
  }

  /** The next sync this pod asked for, if any: a pod's containers may need none for hours. */
  syncAt(runtime: PodRuntime, atMs: number | undefined): void {
    if (atMs === undefined) return
    this.syncAfter(runtime, Math.max(0, atMs - this.host.ctx.clock.now))
  }

  stop(uid: string): void {
    this.pending.get(uid)?.cancel()
    this.pending.delete(uid)
  }
}
