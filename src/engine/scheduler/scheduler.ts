import type { Node, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { NodeVerdict, SchedulingDecision } from './decision.ts'
import { profilePlugins, type ProfilePlugins } from './framework.ts'
import { CycleState } from './cycleState.ts'
import { DEFAULT_PROFILE, type SchedulerProfile } from './profile.ts'
import { fitErrorMessage } from './fitError.ts'
import type { NodeInfo } from './nodeInfo.ts'
import { numFeasibleNodesToFind } from './nodeSampling.ts'
import { SchedulerCache } from './schedulerCache.ts'
import type { FilterResult } from './plugin.ts'
import { VolumeBinder } from './volumeBinder.ts'

/** Unschedulable pods are retried at least this often (podMaxInUnschedulablePodsDuration). */
const UNSCHEDULABLE_RETRY_MS = 5 * 60_000
/** A cluster change that could help pending pods moves them back after this back-off. */
const MOVE_BACKOFF_MS = 1_000

/** A scheduling cycle takes a moment, long enough to see a pod Pending before it is bound. */
const SCHEDULING_LATENCY_MS = 200

const SOURCE = { component: 'default-scheduler' }

/** Kinds whose changes can make a pod the VolumeBinding plugin rejected schedulable. */
const VOLUME_KINDS = new Set(['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'])

/** Decisions kept for explanation; older ones are dropped so memory stays flat at scale. */
const MAX_DECISIONS = 2_000
/**
 * Decisions that keep every node's verdict; older ones keep only the chosen node's, as
 * a verdict list is as long as the nodes looked at (hundreds on a large cluster).
 */
export const FULL_VERDICT_DECISIONS = 100

/**
 * kube-scheduler: takes pods without a node, filters the nodes, scores those that
 * pass, binds the pod to the best one. Every decision is kept with its reasons.
 */
export class Scheduler {
  readonly decisions = new Map<string, SchedulingDecision>()
  private queued = new Set<string>()
  /** Unschedulable pods, each with a token so only its latest periodic retry counts. */
  private unschedulable = new Map<string, { token: number; namespace?: string; name: string }>()
  private tokens = 0
  private moveScheduled = false
  private nodeShapes = new Map<string, string>()
  /** Nodes and what occupies them, updated one watch event at a time. */
  readonly cache = new SchedulerCache()
  /** Where the next cycle starts looking (nextStartNodeIndex), so sampled cycles spread over all nodes. */
  private nextStartNodeIndex = 0
  /** The latest decisions, oldest first: they keep their full verdict lists. */
  private withFullVerdicts: SchedulingDecision[] = []

  /** The profile the cycles run (KubeSchedulerConfiguration's default-scheduler profile). */
  private profileValue: SchedulerProfile = DEFAULT_PROFILE
  private plugins: ProfilePlugins = profilePlugins(DEFAULT_PROFILE)
  /** Pods held back by schedulingGates (the SchedulingGates PreEnqueue plugin): queued once their gates are gone. */
  private gated = new Set<string>()

  /** Pods waiting in PreBind for their claims to be bound. */
  private readonly volumes: VolumeBinder

  constructor(private readonly ctx: EngineContext) {
    this.volumes = new VolumeBinder(ctx, {
      bind: (pod, node, message) => this.bindAfterVolumes(pod, node, message),
      fail: (pod, message) => this.volumeBindingFailed(pod, message),
    })
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'Pod') this.cache.onPod(obj as Pod, type === 'DELETED')
      if (obj.kind === 'Node') this.cache.onNode(obj as Node, type === 'DELETED')
      if (obj.kind === 'Pod') {
        const pod = obj as Pod
        if (type === 'DELETED') {
          this.decisions.delete(pod.metadata.uid)
          this.queued.delete(pod.metadata.uid)
          this.unschedulable.delete(pod.metadata.uid)
          this.volumes.forget(pod.metadata.uid)
          this.gated.delete(pod.metadata.uid)
          if (pod.spec.nodeName) this.moveUnschedulable()
        } else if (type === 'ADDED' && !pod.spec.nodeName && !pod.metadata.deletionTimestamp && this.isOurs(pod)) {
          // Only new pods enter the queue; unschedulable ones come back on cluster changes.
          if (isGated(pod)) this.gated.add(pod.metadata.uid)
          else this.enqueue(pod, 0)
        } else if (type === 'MODIFIED' && this.gated.has(pod.metadata.uid) && !isGated(pod)) {
          this.gated.delete(pod.metadata.uid)
          if (!pod.spec.nodeName && !pod.metadata.deletionTimestamp) this.enqueue(pod, 0)
        }
      } else if (VOLUME_KINDS.has(obj.kind)) {
        // VolumeBinding's events: a claim, volume or class that changed may let a pod fit.
        this.moveUnschedulable()
      } else if (obj.kind === 'Node') {
        const node = obj as Node
        const shape = JSON.stringify([node.spec, node.status.allocatable, node.metadata.labels])
        if (this.nodeShapes.get(node.metadata.name) !== shape || type !== 'MODIFIED') {
          this.nodeShapes.set(node.metadata.name, shape)
          this.moveUnschedulable()
        }
      }
    }, ['Pod', 'Node', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'])
  }

  get profile(): SchedulerProfile {
    return this.profileValue
  }

  /** Runs later cycles with another profile; pods it could now place are tried again. */
  setProfile(profile: SchedulerProfile): void {
    this.profileValue = profile
    this.plugins = profilePlugins(profile)
    this.moveUnschedulable()
  }

  private isOurs(pod: Pod): boolean {
    return (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler'
  }

  private enqueue(pod: Pod, delayMs: number): void {
    const uid = pod.metadata.uid
    if (this.queued.has(uid)) return
    this.queued.add(uid)
    const ns = pod.metadata.namespace
    const name = pod.metadata.name
    this.ctx.after(delayMs + SCHEDULING_LATENCY_MS, `scheduler: schedule ${ns}/${name}`, () => {
      this.queued.delete(uid)
      const current = this.ctx.store.get<Pod>('Pod', ns, name)
      if (current && current.metadata.uid === uid) this.scheduleOne(current)
    })
  }

  private moveUnschedulable(): void {
    if (this.moveScheduled || this.unschedulable.size === 0) return
    this.moveScheduled = true
    this.ctx.after(MOVE_BACKOFF_MS, 'scheduler: retry unschedulable pods', () => {
      this.moveScheduled = false
      for (const uid of [...this.unschedulable.keys()]) this.requeue(uid)
    })
  }

  /** Moves an unschedulable pod back to the queue, if it still exists. */
  private requeue(uid: string): void {
    const entry = this.unschedulable.get(uid)
    if (!entry) return
    this.unschedulable.delete(uid)
    const current = this.ctx.store.get<Pod>('Pod', entry.namespace, entry.name)
    if (current && current.metadata.uid === uid) this.enqueue(current, 0)
  }

  /** One scheduling cycle for one pod. */
  scheduleOne(pod: Pod): void {
    if (pod.spec.nodeName || pod.metadata.deletionTimestamp || this.volumes.isWaiting(pod.metadata.uid) || isGated(pod)) return
    const infos = this.cache.nodeInfos()
    const verdicts: NodeVerdict[] = []
    const unresolvable = new Map<string, boolean>()
    const feasible: NodeInfo[] = []
    /** The verdicts of the feasible nodes, in the same order, for their scores. */
    const feasibleVerdicts: NodeVerdict[] = []
    const state = new CycleState(infos, this.ctx.store, this.profileValue)
    const preFilter = this.preFilter(pod)
    if (preFilter) {
      // No node is tried: the PreFilter's reasons stand for every node.
      for (const info of infos) {
        verdicts.push({ node: info.node.metadata.name, rejectedBy: preFilter.plugin, reasons: preFilter.result.reasons })
        unresolvable.set(info.node.metadata.name, preFilter.result.unresolvable)
      }
    } else {
      // findNodesThatPassFilters: from the rotating start, until enough feasible nodes are found.
      const all = infos.length
      const wanted = numFeasibleNodesToFind(all)
      let processed = 0
      for (let k = 0; k < all && feasible.length < wanted; k++) {
        const info = infos[(this.nextStartNodeIndex + k) % all]
        processed++
        const verdict: NodeVerdict = { node: info.node.metadata.name, reasons: [] }
        for (const plugin of this.plugins.filter) {
          const result = plugin.filter(pod, info, this.ctx.store, state)
          if (result) {
            verdict.rejectedBy = plugin.name
            verdict.reasons = result.reasons
            unresolvable.set(verdict.node, result.unresolvable)
            break
          }
        }
        verdicts.push(verdict)
        if (!verdict.rejectedBy) {
          feasible.push(info)
          feasibleVerdicts.push(verdict)
        }
      }
      if (all > 0) this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % all
    }
    const podKey = `${pod.metadata.namespace}/${pod.metadata.name}`

    if (feasible.length === 0) {
      const preFilterMessage = preFilter && !preFilter.result.perNode ? preFilter.result.reasons.join(', ') : undefined
      const message = infos.length === 0 ? 'no nodes available to schedule pods' : fitErrorMessage(verdicts, unresolvable, preFilterMessage)
      this.remember({ pod: podKey, podUid: pod.metadata.uid, at: this.ctx.clock.now, nodes: verdicts, message })
      this.markUnschedulable(pod, message)
      return
    }

    // Score: each plugin's raw scores, normalised, weighted and summed.
    const totals = feasible.map(() => 0)
    const perNode = feasible.map(() => ({}) as Record<string, number>)
    for (const { plugin, weight } of this.plugins.score) {
      plugin.preScore?.(pod, feasible, state)
      const raw = feasible.map((info) => plugin.score(pod, info, state))
      const normalised = plugin.normalize ? plugin.normalize(raw, state, feasible) : raw
      normalised.forEach((s, i) => {
        perNode[i][plugin.name] = s * weight
        totals[i] += s * weight
      })
    }
    // Highest total wins; ties are broken at random, as selectHost does.
    let best = -1
    let ties = 0
    let chosen = 0
    totals.forEach((total, i) => {
      if (total > best) {
        best = total
        chosen = i
        ties = 1
      } else if (total === best) {
        ties += 1
        if (this.ctx.rng.int(ties) === 0) chosen = i
      }
    })
    feasibleVerdicts.forEach((v, i) => {
      v.scores = perNode[i]
      v.total = totals[i]
    })
    const nodeName = feasible[chosen].node.metadata.name
    const message = `Successfully assigned ${podKey} to ${nodeName}`
    this.remember({ pod: podKey, podUid: pod.metadata.uid, at: this.ctx.clock.now, nodes: verdicts, chosen: nodeName, message })
    this.cache.assume(pod, nodeName)
    // VolumeBinding's Reserve and PreBind: claims to bind or provision on the node first.
    if (this.volumes.reserve(pod, feasible[chosen].node, message)) return
    this.bind(pod, nodeName, message)
  }

  /** The first PreFilter plugin that rejects the pod, if any. */
  private preFilter(pod: Pod): { plugin: string; result: FilterResult } | undefined {
    for (const plugin of this.plugins.preFilter) {
      const result = plugin.preFilter(pod, this.ctx.store)
      if (result) return { plugin: plugin.name, result }
    }
    return undefined
  }

  private remember(decision: SchedulingDecision): void {
    this.decisions.delete(decision.podUid)
    this.decisions.set(decision.podUid, decision)
    if (this.decisions.size > MAX_DECISIONS) this.decisions.delete(this.decisions.keys().next().value!)
    this.withFullVerdicts.push(decision)
    if (this.withFullVerdicts.length > FULL_VERDICT_DECISIONS) {
      const old = this.withFullVerdicts.shift()!
      // A new object, so whoever sent the full one (the worker host) sees it changed.
      if (this.decisions.get(old.podUid) === old) {
        this.decisions.set(old.podUid, { ...old, nodes: old.nodes.filter((v) => v.node === old.chosen), trimmed: true })
      }
    }
  }

  /** The pod's volumes are ready (PreBind is over): bind it to the node it was assumed on. */
  private bindAfterVolumes(pod: Pod, nodeName: string, message: string): void {
    this.bind(pod, nodeName, message)
  }

  /** PreBind gave up: the pod leaves the node it was assumed on and waits as unschedulable. */
  private volumeBindingFailed(pod: Pod, message: string): void {
    this.cache.forget(pod.metadata.uid)
    this.markUnschedulable(pod, message, 'SchedulerError')
  }

  private bind(pod: Pod, nodeName: string, message: string): void {
    const bound = this.ctx.api.bind(pod, nodeName, this.ctx.clock.rfc3339())
    this.ctx.recorder.normal(bound, SOURCE, 'Scheduled', message)
  }

  private markUnschedulable(pod: Pod, message: string, reason = 'Unschedulable'): void {
    const uid = pod.metadata.uid
    const token = ++this.tokens
    this.unschedulable.set(uid, { token, namespace: pod.metadata.namespace, name: pod.metadata.name })
    const before = pod.status.conditions?.find((c) => c.type === 'PodScheduled')
    const condition = {
      type: 'PodScheduled',
      status: 'False' as const,
      reason,
      message,
      lastProbeTime: null,
      lastTransitionTime: before?.status === 'False' ? before.lastTransitionTime : this.ctx.clock.rfc3339(),
    }
    this.ctx.api.updateStatus(pod, { ...pod.status, conditions: [condition] })
    this.ctx.recorder.warning(pod, SOURCE, 'FailedScheduling', message)
    this.ctx.after(UNSCHEDULABLE_RETRY_MS, `scheduler: periodic retry ${pod.metadata.namespace}/${pod.metadata.name}`, () => {
      // Only this failure's retry counts; a later failure scheduled its own.
      if (this.unschedulable.get(uid)?.token === token) this.requeue(uid)
    })
  }
}

/** Does the pod still wait on schedulingGates? */
function isGated(pod: Pod): boolean {
  return ((pod.spec.schedulingGates as unknown[] | undefined) ?? []).length > 0
}
