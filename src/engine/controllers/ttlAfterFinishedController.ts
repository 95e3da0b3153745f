import { ApiError } from '../api/errors.ts'
import type { Job } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import type { EngineContext } from '../context.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

/** When a finished Job with ttlSecondsAfterFinished expires: its Complete or Failed condition's time plus the TTL. */
function expiresAt(job: Job): number | undefined {
  const ttl = job.spec.ttlSecondsAfterFinished
  if (ttl === undefined || job.metadata.deletionTimestamp) return undefined
  const done = job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
  return done ? parseSimTime(done.lastTransitionTime) + ttl * 1000 : undefined
}

/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): deletes a finished
 * Job once its TTL has passed, in the foreground, so its pods go first. It records no event.
 */
export class TtlAfterFinishedController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'ttl-after-finished-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj) => {
      if (obj.kind !== 'Job' || type === 'DELETED') return
      if (expiresAt(obj as Job) !== undefined) this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name))
    }, ['Job'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const job = this.ctx.store.get<Job>('Job', namespace, name)
    if (!job) return
    const at = expiresAt(job)
    if (at === undefined) return
    const now = this.ctx.clock.now
    if (now < at) {
      this.queue.add(key, at - now)
      return
    }
    try {
      this.ctx.api.delete('Job', namespace, name, { uid: job.metadata.uid, propagationPolicy: 'Foreground' })
    } catch (e) {
      if (!(e instanceof ApiError) || e.reason !== 'NotFound') throw e
    }
  }
}
