import { ApiError } from '../api/errors.ts'
import type { Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

/** A node must stay missing this long before its pods are collected (podgc's quarantineTime). */
const QUARANTINE_MS = 40_000

/**
 * The pod garbage collector (pkg/controller/podgc), for orphaned pods: a pod bound to a
 * node that does not exist (deleted, or never there) is marked Failed with a
 * DisruptionTarget condition and deleted at once, as nothing will ever run or stop it.
 */
export class PodGarbageCollector {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'pod-garbage-collector', (key) => this.sync(key))
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'Node' && type === 'DELETED') {
        for (const pod of ctx.store.podsOn<Pod>(obj.metadata.name)) this.queue.add(nsKey(pod.metadata.namespace, pod.metadata.name), QUARANTINE_MS)
      } else if (obj.kind === 'Pod' && type !== 'DELETED') {
        const node = (obj as Pod).spec.nodeName
        if (node && !ctx.store.get('Node', undefined, node)) this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name), QUARANTINE_MS)
      }
    }, ['Node', 'Pod'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name)
    const node = pod?.spec.nodeName
    if (!pod || !node || this.ctx.store.get('Node', undefined, node)) return
    const now = this.ctx.clock.rfc3339()
    if (pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed') {
      const conditions = [
        ...(pod.status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
        { type: 'DisruptionTarget', status: 'True' as const, reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastProbeTime: null, lastTransitionTime: now },
      ]
      this.ctx.api.updateStatus(pod, { ...pod.status, phase: 'Failed', conditions })
    }
    try {
      this.ctx.api.delete('Pod', namespace, name, { gracePeriodSeconds: 0, uid: pod.metadata.uid })
    } catch (e) {
      if (!(e instanceof ApiError) || e.reason !== 'NotFound') throw e
    }
  }
}
