import { ApiError } from '../api/errors.ts'
import type { KubeObject, Node, Pod, Taint, Toleration } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { tolerates } from '../scheduler/plugins/taintToleration.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

const SOURCE = { component: 'taint-eviction-controller' }

function noExecuteTaints(node: KubeObject | undefined): Taint[] {
  return ((node as Node | undefined)?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute')
}

/**
 * How long the pod may stay (getMinTolerationTime over GetMatchingTolerations): 0 when a
 * taint is not tolerated, Infinity when every taint is tolerated without a limit, else
 * the shortest tolerationSeconds among the tolerations that matched.
 */
export function toleratedForMs(tolerations: Toleration[], taints: Taint[]): number {
  let min = Infinity
  for (const taint of taints) {
    const used = tolerations.find((t) => tolerates(t, taint))
    if (!used) return 0
    if (used.tolerationSeconds !== undefined) min = Math.min(min, Math.max(0, used.tolerationSeconds) * 1000)
  }
  return min
}

/**
 * The taint eviction controller (pkg/controller/tainteviction), keyed by pod: a pod on a
 * node with NoExecute taints it does not tolerate is deleted at once; one that tolerates
 * them for tolerationSeconds is deleted when that time, counted from when the controller
 * first saw the taint on the pod's node, runs out. Taints removed in time cancel the eviction.
 */
export class TaintEvictionController {
  private queue: WorkQueue
  /** Pods with an eviction pending: key → when it was scheduled (the timed worker's CreatedAt). */
  private scheduledAt = new Map<string, number>()

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'taint-eviction-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj, old) => {
      if (obj.kind === 'Node' && type !== 'DELETED') {
        if (sameTaints(noExecuteTaints(obj), noExecuteTaints(old))) return
        for (const pod of ctx.store.podsOn<Pod>(obj.metadata.name)) this.queue.add(nsKey(pod.metadata.namespace, pod.metadata.name))
      } else if (obj.kind === 'Pod') {
        const pod = obj as Pod
        const before = old as Pod | undefined
        const key = nsKey(pod.metadata.namespace, pod.metadata.name)
        if (type === 'DELETED') {
          if (this.scheduledAt.has(key)) this.queue.add(key)
          return
        }
        if (!pod.spec.nodeName || (before?.spec.nodeName === pod.spec.nodeName && before.spec.tolerations === pod.spec.tolerations)) return
        if (this.scheduledAt.has(key) || noExecuteTaints(ctx.store.get('Node', undefined, pod.spec.nodeName)).length > 0) this.queue.add(key)
      }
    }, ['Node', 'Pod'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name)
    if (!pod || pod.metadata.deletionTimestamp || !pod.spec.nodeName) {
      this.scheduledAt.delete(key)
      return
    }
    const taints = noExecuteTaints(this.ctx.store.get<Node>('Node', undefined, pod.spec.nodeName))
    const allowedMs = taints.length ? toleratedForMs(pod.spec.tolerations ?? [], taints) : Infinity
    if (allowedMs === Infinity) return this.cancel(key, pod)
    const now = this.ctx.clock.now
    const since = this.scheduledAt.get(key) ?? now
    this.scheduledAt.set(key, since)
    if (now < since + allowedMs) {
      this.queue.addAfter(key, since + allowedMs - now)
      this.ctx.countdowns.set({ kind: 'eviction', object: podObject(pod), atMs: since + allowedMs })
      return
    }
    this.scheduledAt.delete(key)
    this.ctx.countdowns.clear(podObject(pod), 'eviction')
    this.evict(pod)
  }

  private cancel(key: string, pod: Pod): void {
    this.ctx.countdowns.clear(podObject(pod), 'eviction')
    if (!this.scheduledAt.delete(key)) return
    this.ctx.recorder.normal(pod, SOURCE, 'TaintManagerEviction', `Cancelling deletion of Pod ${nsKey(pod.metadata.namespace, pod.metadata.name)}`)
  }

  /** The event, a DisruptionTarget condition saying why, then an ordinary graceful delete. */
  private evict(pod: Pod): void {
    const { namespace, name, uid } = pod.metadata
    this.ctx.recorder.normal(pod, SOURCE, 'TaintManagerEviction', `Marking for deletion Pod ${namespace}/${name}`)
    const conditions = [
      ...(pod.status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
      { type: 'DisruptionTarget', status: 'True' as const, reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastProbeTime: null, lastTransitionTime: this.ctx.clock.rfc3339() },
    ]
    this.ctx.api.updateStatus(pod, { ...pod.status, conditions })
    try {
      this.ctx.api.delete('Pod', namespace, name, { uid })
    } catch (e) {
      if (!(e instanceof ApiError) || e.reason !== 'NotFound') throw e
    }
  }
}

function sameTaints(a: Taint[], b: Taint[]): boolean {
  return a.length === b.length && a.every((t, i) => t.key === b[i].key && t.value === b[i].value && t.effect === b[i].effect)
}

const podObject = (pod: Pod) => `Pod/${pod.metadata.namespace ?? ''}/${pod.metadata.name}`
