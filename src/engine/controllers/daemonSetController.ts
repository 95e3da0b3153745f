import { ApiError } from '../api/errors.ts'
import type { DaemonSet, DaemonSetStatus, KubeObject, Node, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { TEMPLATE_GENERATION } from '../kinds/daemonSet.ts'
import { selectorMatches } from '../util/labels.ts'
import { claimPods, OrphanPods } from './claimPods.ts'
import { nodeShouldRunDaemonPod, pinnedToNode, targetNodeName, withDaemonTolerations } from './daemonPods.ts'
import { cleanupHistory, constructHistory, REVISION_HASH } from './daemonSetHistory.ts'
import { controllerRef } from './ownership.ts'
import { createPodFromTemplate, failedCreateMessage } from './podFactory.ts'
import { isPodAvailable, isPodReady } from './podReadiness.ts'
import { resolveIntOrPercent } from './rollingUpdateMath.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

const SOURCE = { component: 'daemonset-controller' }
const GENERATION_LABEL = 'pod-template-generation'
/** failedPodsBackoff: 1s doubling to 15 minutes before a failed daemon pod is killed again. */
const FAILED_BACKOFF_MS = 1000
const FAILED_BACKOFF_MAX_MS = 15 * 60_000

type NodePods = Map<string, Pod[]>

/**
 * The DaemonSet controller (pkg/controller/daemon): one pod on every node that should
 * run it, pinned there by node affinity and placed by the scheduler; pods leave nodes
 * that no longer qualify; a template change rolls over node by node within
 * maxUnavailable / maxSurge; each template is kept as a ControllerRevision.
 */
export class DaemonSetController {
  private queue: WorkQueue
  private orphans: OrphanPods
  private failedBackoff = new Map<string, { delayMs: number; at: number }>()

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'daemonset-controller', (key) => this.sync(key))
    this.orphans = OrphanPods.of(ctx.store)
    ctx.store.watch((type, obj, old) => {
      if (obj.kind === 'DaemonSet') {
        if (type !== 'DELETED') this.enqueue(obj)
      } else if (obj.kind === 'Pod') {
        const ref = controllerRef(obj)
        if (ref?.kind === 'DaemonSet') this.queue.add(nsKey(obj.metadata.namespace, ref.name))
        else if (!ref && type !== 'DELETED') {
          for (const ds of ctx.store.list<DaemonSet>('DaemonSet', obj.metadata.namespace)) {
            if (selectorMatches(ds.spec.selector, obj.metadata.labels)) this.enqueue(ds)
          }
        }
      } else if (obj.kind === 'Node') {
        this.nodeChanged(type === 'DELETED' || type === 'ADDED' ? undefined : (old as Node | undefined), obj as Node)
      }
    }, ['DaemonSet', 'Node', 'Pod'])
  }

  private enqueue(ds: KubeObject): void {
    this.queue.add(nsKey(ds.metadata.namespace, ds.metadata.name))
  }

  /** A node came, went, or changed: the DaemonSets whose verdict on it may differ look again. */
  private nodeChanged(old: Node | undefined, node: Node): void {
    const shape = (n: Node) => JSON.stringify([n.metadata.labels, n.spec, n.status.conditions.map((c) => [c.type, c.status])])
    if (old && shape(old) === shape(node)) return
    for (const ds of this.ctx.store.list<DaemonSet>('DaemonSet')) {
      if (old && JSON.stringify(nodeShouldRunDaemonPod(old, ds)) === JSON.stringify(nodeShouldRunDaemonPod(node, ds))) continue
      this.enqueue(ds)
    }
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const ds = this.ctx.store.get<DaemonSet>('DaemonSet', namespace, name)
    if (!ds || ds.metadata.deletionTimestamp) return
    const nodes = this.ctx.store.list<Node>('Node')
    const { cur, old } = constructHistory(this.ctx, ds)
    const hash = cur.metadata.labels?.[REVISION_HASH] ?? ''

    this.manage(ds, nodes, hash)
    if (ds.spec.updateStrategy.type === 'RollingUpdate') this.rollingUpdate(ds, nodes, hash)
    const live = new Set<string>()
    for (const pods of this.nodeToDaemonPods(ds, true).values()) for (const p of pods) live.add(p.metadata.labels?.[REVISION_HASH] ?? '')
    cleanupHistory(this.ctx, ds, old, live)
    this.updateStatus(ds, nodes, hash)
  }

  /** getNodesToDaemonPods: the pods this DaemonSet controls (after adoption and release), by the node each is for. */
  private nodeToDaemonPods(ds: DaemonSet, includeDeletedTerminal: boolean): NodePods {
    const byNode: NodePods = new Map()
    for (const pod of claimPods(this.ctx, ds, ds.spec.selector, this.orphans)) {
      if (!includeDeletedTerminal && isTerminal(pod) && pod.metadata.deletionTimestamp) continue
      const node = targetNodeName(pod)
      if (!node) continue
      byNode.set(node, [...(byNode.get(node) ?? []), pod])
    }
    return byNode
  }

  /** manage: create pods on nodes that need one, delete those on nodes that must not run one. */
  private manage(ds: DaemonSet, nodes: readonly Node[], hash: string): void {
    const byNode = this.nodeToDaemonPods(ds, false)
    const needing: string[] = []
    const toDelete: Pod[] = []
    for (const node of nodes) {
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds)
      const pods = byNode.get(node.metadata.name) ?? []
      if (shouldRun && pods.length === 0) needing.push(node.metadata.name)
      else if (shouldContinueRunning) toDelete.push(...this.excessPods(ds, node.metadata.name, pods, hash))
      else toDelete.push(...pods.filter((p) => !p.metadata.deletionTimestamp))
    }
    // Pods still waiting for a node that no longer exists.
    const names = new Set(nodes.map((n) => n.metadata.name))
    for (const [node, pods] of byNode) if (!names.has(node)) toDelete.push(...pods.filter((p) => !p.spec.nodeName))
    this.syncNodes(ds, toDelete, needing, hash)
  }

  /** podsShouldBeOnNode for a node that keeps its daemon pod: failed and finished pods go, and duplicates. */
  private excessPods(ds: DaemonSet, nodeName: string, pods: Pod[], hash: string): Pod[] {
    const now = this.ctx.clock.now
    const out: Pod[] = []
    const running: Pod[] = []
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue
      const { namespace, name } = pod.metadata
      if (pod.status.phase === 'Failed') {
        const key = `${ds.metadata.uid}/${nodeName}`
        const b = this.failedBackoff.get(key)
        if (b && now - b.at < b.delayMs) {
          this.queue.add(nsKey(ds.metadata.namespace, ds.metadata.name), b.delayMs - (now - b.at))
          continue
        }
        const expired = !b || now - b.at > 2 * FAILED_BACKOFF_MAX_MS
        this.failedBackoff.set(key, { delayMs: expired ? FAILED_BACKOFF_MS : Math.min(b.delayMs * 2, FAILED_BACKOFF_MAX_MS), at: now })
        this.ctx.recorder.warning(ds, SOURCE, 'FailedDaemonPod', `Found failed daemon pod ${namespace}/${name} on node ${nodeName}, will try to kill it`)
        out.push(pod)
      } else if (pod.status.phase === 'Succeeded') {
        this.ctx.recorder.normal(ds, SOURCE, 'SucceededDaemonPod', `Found succeeded daemon pod ${namespace}/${name} on node ${nodeName}, will try to delete it`)
        out.push(pod)
      } else running.push(pod)
    }
    if (running.length <= 1) return out
    running.sort(byScheduledThenAge)
    if (!allowsSurge(ds)) return [...out, ...running.slice(1)]
    // With surge, an old and a new pod may share the node until the new one is available.
    let oldestNew: Pod | undefined
    let oldestOld: Pod | undefined
    for (const pod of running) {
      const isNew = pod.metadata.labels?.[REVISION_HASH] === hash
      if (isNew && !oldestNew) oldestNew = pod
      else if (!isNew && !oldestOld) oldestOld = pod
      else out.push(pod)
    }
    if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, now))) out.push(oldestOld)
    return out
  }

  /** rollingUpdate (update.go): replace old pods within maxUnavailable, or surge new ones within maxSurge. */
  private rollingUpdate(ds: DaemonSet, nodes: readonly Node[], hash: string): void {
    const now = this.ctx.clock.now
    const minReady = ds.spec.minReadySeconds ?? 0
    const available = (p: Pod) => isPodAvailable(p, minReady, now)
    const byNode = this.nodeToDaemonPods(ds, false)
    let desired = 0
    for (const node of nodes) {
      if (!nodeShouldRunDaemonPod(node, ds).shouldRun) continue
      desired++
      if (!byNode.has(node.metadata.name)) byNode.set(node.metadata.name, [])
    }
    const ru = ds.spec.updateStrategy.rollingUpdate
    let maxUnavailable = resolveIntOrPercent(ru?.maxUnavailable, desired, true, '1')
    const maxSurge = resolveIntOrPercent(ru?.maxSurge, desired, true, '0')
    if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1
    // Go walks a map here; kubesim walks nodes by name so runs repeat.
    const entries = [...byNode].sort(([a], [b]) => (a < b ? -1 : 1))
    const podsToDelete: Pod[] = []

    if (maxSurge === 0) {
      let unavailable = 0
      const candidates: Pod[] = []
      for (const [, pods] of entries) {
        const found = updatedPodsOnNode(ds, pods, hash)
        if (!found) {
          unavailable++
          continue
        }
        const { newPod, oldPod } = found
        if ((!oldPod && !newPod) || (oldPod && newPod)) unavailable++
        else if (newPod) {
          if (!available(newPod)) unavailable++
        } else if (oldPod) {
          if (!available(oldPod)) podsToDelete.push(oldPod)
          else if (unavailable < maxUnavailable) candidates.push(oldPod)
        }
      }
      const remaining = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length)
      this.syncNodes(ds, [...podsToDelete, ...candidates.slice(0, remaining)], [], hash)
      return
    }

    const shouldNotRun: Pod[] = []
    const allowedNew: string[] = []
    const candidateNew: string[] = []
    let surge = 0
    let availableCount = 0
    const nodeByName = new Map(nodes.map((n) => [n.metadata.name, n]))
    const shouldRunOn = (name: string) => {
      const node = nodeByName.get(name)
      return !!node && nodeShouldRunDaemonPod(node, ds).shouldRun
    }
    for (const [nodeName, pods] of entries) {
      const found = updatedPodsOnNode(ds, pods, hash)
      if (!found) {
        surge++
        continue
      }
      const { newPod, oldPod } = found
      if (oldPod ? available(oldPod) : newPod && available(newPod)) availableCount++
      if (!oldPod) continue
      if (!newPod) {
        if (!available(oldPod)) {
          if (!shouldRunOn(nodeName)) podsToDelete.push(oldPod)
          else allowedNew.push(nodeName)
        } else if (!shouldRunOn(nodeName)) shouldNotRun.push(oldPod)
        else if (surge < maxSurge) candidateNew.push(nodeName)
      } else if (!available(newPod)) surge++
      else podsToDelete.push(oldPod)
    }
    const deletable = Math.min(availableCount - desired, shouldNotRun.length)
    if (deletable > 0) podsToDelete.push(...shouldNotRun.slice(0, deletable).filter((p) => !p.metadata.deletionTimestamp))
    const remaining = Math.min(Math.max(0, maxSurge - surge), candidateNew.length)
    this.syncNodes(ds, podsToDelete, [...allowedNew, ...candidateNew.slice(0, remaining)], hash)
  }

  /** syncNodes: create a pinned daemon pod for each node, then delete the pods given. */
  private syncNodes(ds: DaemonSet, toDelete: Pod[], nodesNeedingPods: string[], hash: string): void {
    let failure: ApiError | undefined
    if (nodesNeedingPods.length > 0) {
      const generation = ds.metadata.annotations?.[TEMPLATE_GENERATION]
      const labels = { ...(generation ? { [GENERATION_LABEL]: generation } : {}), ...(hash ? { [REVISION_HASH]: hash } : {}) }
      const tolerations = withDaemonTolerations(ds.spec.template.spec)
      for (const nodeName of nodesNeedingPods) {
        try {
          const pod = createPodFromTemplate(this.ctx, ds, ds.spec.template, { generateName: `${ds.metadata.name}-` }, {
            labels,
            spec: { tolerations, affinity: pinnedToNode(ds.spec.template.spec.affinity, nodeName) },
          })
          this.ctx.recorder.normal(ds, SOURCE, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`)
        } catch (e) {
          if (!(e instanceof ApiError)) throw e
          this.ctx.recorder.warning(ds, SOURCE, 'FailedCreate', failedCreateMessage(e))
          failure = e
          break // slow start: the rest of the batch is skipped
        }
      }
    }
    for (const pod of toDelete) {
      try {
        this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { uid: pod.metadata.uid })
        this.ctx.recorder.normal(ds, SOURCE, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`)
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        if (e.reason === 'NotFound') continue
        this.ctx.recorder.warning(ds, SOURCE, 'FailedDelete', `Error deleting: ${e.message}`)
        failure = e
      }
    }
    if (failure) {
      this.updateStatus(ds, this.ctx.store.list<Node>('Node'), hash)
      throw failure
    }
  }

  /** updateDaemonSetStatus: counts over the nodes, from the oldest daemon pod on each. */
  private updateStatus(before: DaemonSet, nodes: readonly Node[], hash: string): void {
    const ds = this.ctx.store.get<DaemonSet>('DaemonSet', before.metadata.namespace, before.metadata.name) ?? before
    const now = this.ctx.clock.now
    const minReady = ds.spec.minReadySeconds ?? 0
    const byNode = this.nodeToDaemonPods(ds, false)
    let desired = 0
    let current = 0
    let misscheduled = 0
    let ready = 0
    let updated = 0
    let availableCount = 0
    for (const node of nodes) {
      const pods = byNode.get(node.metadata.name) ?? []
      if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
        if (pods.length > 0) misscheduled++
        continue
      }
      desired++
      if (pods.length === 0) continue
      current++
      const pod = [...pods].sort(byScheduledThenAge)[0]
      if (isPodReady(pod)) {
        ready++
        if (isPodAvailable(pod, minReady, now)) availableCount++
      }
      if (isPodUpdated(ds, pod, hash)) updated++
    }
    const status: DaemonSetStatus = {
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      ...(updated ? { updatedNumberScheduled: updated } : {}),
      ...(availableCount ? { numberAvailable: availableCount } : {}),
      ...(desired - availableCount ? { numberUnavailable: desired - availableCount } : {}),
      ...(ds.status.collisionCount ? { collisionCount: ds.status.collisionCount } : {}),
    }
    if (minReady > 0 && ready !== availableCount) this.queue.add(nsKey(ds.metadata.namespace, ds.metadata.name), minReady * 1000)
    if (JSON.stringify(status) === JSON.stringify(ds.status)) return
    this.ctx.api.updateStatus(ds, status)
  }
}

function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed'
}

/** IsPodUpdated: the pod carries the current revision's hash or the current template generation. */
function isPodUpdated(ds: DaemonSet, pod: Pod, hash: string): boolean {
  const generation = ds.metadata.annotations?.[TEMPLATE_GENERATION]
  const labels = pod.metadata.labels ?? {}
  return (!!hash && labels[REVISION_HASH] === hash) || (generation !== undefined && labels[GENERATION_LABEL] === generation)
}

/** findUpdatedPodsOnNode: at most one new and one old live pod on a node, or undefined when there are more. */
function updatedPodsOnNode(ds: DaemonSet, pods: Pod[], hash: string): { newPod?: Pod; oldPod?: Pod } | undefined {
  let newPod: Pod | undefined
  let oldPod: Pod | undefined
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue
    if (isPodUpdated(ds, pod, hash)) {
      if (newPod) return undefined
      newPod = pod
    } else {
      if (oldPod) return undefined
      oldPod = pod
    }
  }
  return { newPod, oldPod }
}

/** AllowsSurge: a rolling update whose maxSurge is not zero. */
function allowsSurge(ds: DaemonSet): boolean {
  const ru = ds.spec.updateStrategy.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined
  return resolveIntOrPercent(ru?.maxSurge, 1, true, '0') > 0
}

/** podByCreationTimestampAndPhase: scheduled pods first, then the oldest, then by name. */
function byScheduledThenAge(a: Pod, b: Pod): number {
  if (!!a.spec.nodeName !== !!b.spec.nodeName) return a.spec.nodeName ? -1 : 1
  if (a.metadata.creationTimestamp !== b.metadata.creationTimestamp) return a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1
  return a.metadata.name < b.metadata.name ? -1 : 1
}
