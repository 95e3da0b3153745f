import { ApiError } from '../api/errors.ts'
import type { Node, PersistentVolumeClaim, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { ScheduledTask } from '../eventQueue.ts'
import { isClaimBound, podClaimNames } from '../storage/claimBinding.ts'
import { ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, type PersistentVolume } from '../storage/volumeTypes.ts'
import { findPodVolumes } from './plugins/volumeBinding.ts'

/** PreBind waits this long for the claims to be bound (the plugin's bindTimeoutSeconds, 600). */
const BIND_TIMEOUT_MS = 600_000
/** PreBind checks the claims once a second (wait.PollUntilContextTimeout). */
const POLL_MS = 1_000

interface Waiting {
  namespace: string
  name: string
  node: string
  message: string
  claims: string[]
  started: number
  timeout: ScheduledTask
  poll?: ScheduledTask
}

/**
 * VolumeBinding's Reserve and PreBind (scheduler_binder.go): once a node is chosen for a
 * pod whose claims wait for their first consumer, a free static volume is reserved for
 * a claim (its claimRef set, for the PV controller to finish the binding) and every
 * other claim is annotated with the node for its provisioner. The pod is bound only when
 * all its claims are Bound, checked once a second, for at most ten minutes.
 */
export class VolumeBinder {
  private waiting = new Map<string, Waiting>()

  constructor(
    private readonly ctx: EngineContext,
    private readonly done: { bind(pod: Pod, node: string, message: string): void; fail(pod: Pod, message: string): void },
  ) {
    ctx.store.watch((type, obj) => {
      if (this.waiting.size === 0 || type === 'DELETED') return
      for (const [uid, w] of this.waiting) {
        if (w.namespace === obj.metadata.namespace && w.claims.includes(obj.metadata.name)) this.pollSoon(uid, w)
      }
    }, ['PersistentVolumeClaim'])
  }

  /** Reserve + the API writes of PreBind; true when the pod must wait for its claims. */
  reserve(pod: Pod, node: Node, message: string): boolean {
    const found = findPodVolumes(pod, node, this.ctx.store)
    if ('reasons' in found) return false
    const { staticBindings, provisionings } = found.decisions
    if (staticBindings.length === 0 && provisionings.length === 0) return false
    const api = this.ctx.api
    const nodeName = node.metadata.name
    const uid = pod.metadata.uid
    const w: Waiting = {
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name,
      node: nodeName,
      message,
      claims: podClaimNames(pod),
      started: this.ctx.clock.now,
      timeout: this.ctx.after(BIND_TIMEOUT_MS, `scheduler: volume binding timeout ${pod.metadata.namespace}/${pod.metadata.name}`, () => {
        this.giveUp(uid, 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded')
      }),
    }
    this.waiting.set(uid, w)
    try {
      for (const { claim, volume } of staticBindings) {
        api.mutate<PersistentVolume>('PersistentVolume', undefined, volume.metadata.name, (draft) => {
          draft.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion }
          draft.metadata.annotations = { ...draft.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' }
        })
      }
      for (const claim of provisionings) {
        api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name, (draft) => {
          draft.metadata.annotations = { ...draft.metadata.annotations, [ANN_SELECTED_NODE]: nodeName }
        })
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      this.giveUp(uid, `running PreBind plugin "VolumeBinding": binding volumes: ${e.message}`)
    }
    return true
  }

  /** The pod is gone: stop waiting for it. True if it was waiting. */
  forget(uid: string): boolean {
    const w = this.waiting.get(uid)
    if (!w) return false
    w.timeout.cancel()
    w.poll?.cancel()
    this.waiting.delete(uid)
    return true
  }

  isWaiting(uid: string): boolean {
    return this.waiting.has(uid)
  }

  /** A claim changed: look at the next tick of the once-a-second check. */
  private pollSoon(uid: string, w: Waiting): void {
    if (w.poll) return
    const elapsed = this.ctx.clock.now - w.started
    const delay = (Math.floor(elapsed / POLL_MS) + 1) * POLL_MS - elapsed
    w.poll = this.ctx.after(delay, `scheduler: check volumes of ${w.namespace}/${w.name}`, () => {
      w.poll = undefined
      if (!this.allBound(w)) return
      const pod = this.ctx.store.get<Pod>('Pod', w.namespace, w.name)
      this.forget(uid)
      if (pod && pod.metadata.uid === uid && !pod.spec.nodeName) this.done.bind(pod, w.node, w.message)
    })
  }

  private allBound(w: Waiting): boolean {
    return w.claims.every((name) => {
      const claim = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', w.namespace, name)
      return !!claim && isClaimBound(claim)
    })
  }

  private giveUp(uid: string, message: string): void {
    const w = this.waiting.get(uid)
    if (!w) return
    this.forget(uid)
    const pod = this.ctx.store.get<Pod>('Pod', w.namespace, w.name)
    if (pod && pod.metadata.uid === uid && !pod.spec.nodeName) this.done.fail(pod, message)
  }
}
