import type { Node, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { NodeVerdict, SchedulingDecision } from './decision.ts'
import { profilePlugins, type ProfilePlugins } from './framework.ts'
import { CycleState } from './cycleState.ts'
import { DEFAULT_PROFILE, type SchedulerProfile } from './profile.ts'
import { fitErrorMessage } from './fitError.ts'
import { occupiesNode, type NodeInfo } from './nodeInfo.ts'
import { numFeasibleNodesToFind } from './nodeSampling.ts'
import { SchedulerCache } from './schedulerCache.ts'
import type { FilterResult } from './plugin.ts'
import { VolumeBinder } from './volumeBinder.ts'
import { SchedulingQueue } from './schedulingQueue.ts'
import type { ClusterEvent } from './queueingHints.ts'
import { podPriority, preempt, withPods, type PreemptionCandidate } from './preemption.ts'
import type { PodDisruptionBudget } from '../controllers/disruptionController.ts'
import { ApiError } from '../api/errors.ts'

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
  /** activeQ, backoffQ and unschedulablePods (schedulingQueue.ts). */
  readonly queue: SchedulingQueue
  /** The last version of each node seen, for the queueing hints of node updates. */
  private nodes = new Map<string, Node>()
  /** Pending pods nominated to a node by preemption, by node name (the PodNominator). */
  private nominated = new Map<string, Map<string, Pod>>()
  private nominatedNodeOf = new Map<string, string>()
  /** The node each pod counts against, so arrivals and departures reach the queue as events. */
  private occupying = new Map<string, string>()
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
    this.queue = new SchedulingQueue(ctx, SCHEDULING_LATENCY_MS, (pod) => this.scheduleOne(pod))
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'Pod') this.cache.onPod(obj as Pod, type === 'DELETED')
      if (obj.kind === 'Node') this.cache.onNode(obj as Node, type === 'DELETED')
      if (obj.kind === 'Pod') {
        const pod = obj as Pod
        const uid = pod.metadata.uid
        const moved = this.trackOccupancy(type === 'DELETED' ? undefined : pod, uid)
        this.trackNomination(type === 'DELETED' || pod.spec.nodeName ? undefined : pod, uid)
        if (type === 'DELETED') {
          this.decisions.delete(uid)
          this.queue.delete(uid)
          this.gated.delete(uid)
          this.volumes.forget(uid)
        } else if (pod.spec.nodeName) {
          // A bound pod is no longer pending.
          this.queue.delete(uid)
        } else if (type === 'ADDED' && !pod.metadata.deletionTimestamp && this.isOurs(pod)) {
          // Only new pods enter the queue; unschedulable ones come back on cluster changes.
          if (isGated(pod)) this.gated.add(uid)
          else this.queue.add(pod)
        } else if (type === 'MODIFIED' && this.gated.has(uid) && !isGated(pod)) {
          this.gated.delete(uid)
          if (!pod.metadata.deletionTimestamp) this.queue.add(pod)
        }
        if (moved === 'left') this.queue.onEvent({ type: 'AssignedPodDelete', pod })
        else if (moved === 'arrived') this.queue.onEvent({ type: 'AssignedPodAdd', pod })
      } else if (VOLUME_KINDS.has(obj.kind)) {
        // VolumeBinding's events: a claim, volume or class that changed may let a pod fit.
        this.queue.onEvent({ type: 'StorageChange' })
      } else if (obj.kind === 'Node') {
        const node = obj as Node
        const old = this.nodes.get(node.metadata.name)
        if (type === 'DELETED') {
          this.nodes.delete(node.metadata.name)
          return
        }
        this.nodes.set(node.metadata.name, node)
        let event: ClusterEvent | undefined
        if (!old || type === 'ADDED') event = { type: 'NodeAdd', node }
        else if (nodeShape(old) !== nodeShape(node)) event = { type: 'NodeUpdate', old, node }
        if (event) this.queue.onEvent(event)
      }
    }, ['Pod', 'Node', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'])
  }

  get profile(): SchedulerProfile {
    return this.profileValue
  }

  /**
   * Whether the pod arrived on or left a node (bound, finished, deleted): cluster events
   * for the queue.
   */
  private trackOccupancy(pod: Pod | undefined, uid: string): 'arrived' | 'left' | undefined {
    const node = pod && pod.spec.nodeName && occupiesNode(pod) ? pod.spec.nodeName : undefined
    const before = this.occupying.get(uid)
    if (before === node) return undefined
    if (node) this.occupying.set(uid, node)
    else this.occupying.delete(uid)
    return before ? 'left' : 'arrived'
  }

  /** Keeps the index of pending pods by nominated node up to date. */
  private trackNomination(pod: Pod | undefined, uid: string): void {
    const node = pod?.status.nominatedNodeName || undefined
    const before = this.nominatedNodeOf.get(uid)
    if (before && before !== node) {
      const pods = this.nominated.get(before)
      pods?.delete(uid)
      if (pods?.size === 0) this.nominated.delete(before)
    }
    if (!node) {
      this.nominatedNodeOf.delete(uid)
      return
    }
    this.nominatedNodeOf.set(uid, node)
    let pods = this.nominated.get(node)
    if (!pods) this.nominated.set(node, (pods = new Map()))
    pods.set(uid, pod!)
  }

  /** Pods nominated to the node with at least this pod's priority: Filter counts them as placed. */
  private nominatedFor(node: string, pod: Pod): Pod[] {
    const pods = this.nominated.get(node)
    if (!pods) return []
    const priority = podPriority(pod)
    const out: Pod[] = []
    for (const [uid, p] of pods) if (uid !== pod.metadata.uid && podPriority(p) >= priority) out.push(p)
    return out
  }

  /** RunFilterPluginsWithNominatedPods: the first Filter plugin that rejects the pod on this node. */
  private runFilters(pod: Pod, info: NodeInfo, state: CycleState): { plugin: string; result: FilterResult } | undefined {
    const nominated = this.nominated.size > 0 ? this.nominatedFor(info.node.metadata.name, pod) : []
    const target = nominated.length > 0 ? withPods(info, nominated) : info
    for (const plugin of this.plugins.filter) {
      const result = plugin.filter(pod, target, this.ctx.store, state)
      if (result) return { plugin: plugin.name, result }
    }
    return undefined
  }

  /** Runs later cycles with another profile; pods it could now place are tried again. */
  setProfile(profile: SchedulerProfile): void {
    this.profileValue = profile
    this.plugins = profilePlugins(profile)
    this.queue.moveAll()
  }

  private isOurs(pod: Pod): boolean {
    return (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler'
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
        const rejected = this.runFilters(pod, info, state)
        if (rejected) {
          verdict.rejectedBy = rejected.plugin
          verdict.reasons = rejected.result.reasons
          unresolvable.set(verdict.node, rejected.result.unresolvable)
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
      const rejectors = new Set(verdicts.flatMap((v) => (v.rejectedBy ? [v.rejectedBy] : [])))
      if (infos.length === 0) {
        const message = 'no nodes available to schedule pods'
        this.remember({ pod: podKey, podUid: pod.metadata.uid, at: this.ctx.clock.now, nodes: verdicts, message })
        this.markUnschedulable(pod, message, rejectors)
        return
      }
      // PostFilter: DefaultPreemption, then the FitError text with its verdict appended.
      const outcome = this.postFilter(pod, infos, verdicts, unresolvable, state)
      const message = fitErrorMessage(verdicts, preFilterMessage, outcome.kind === 'unschedulable' ? outcome.message : '')
      this.remember({ pod: podKey, podUid: pod.metadata.uid, at: this.ctx.clock.now, nodes: verdicts, message })
      const nominate = outcome.kind === 'nominate' ? outcome.candidate.node : outcome.clearNomination ? '' : undefined
      const marked = this.markUnschedulable(pod, message, rejectors, 'Unschedulable', nominate)
      if (outcome.kind === 'nominate') this.preemptVictims(marked ?? pod, outcome.candidate)
      return
    }

    // A pod nominated by an earlier preemption goes to its node if it fits there now.
    const nominatedNode = pod.status.nominatedNodeName
    const atNominated = nominatedNode ? feasible.findIndex((i) => i.node.metadata.name === nominatedNode) : -1

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
    if (atNominated < 0) totals.forEach((total, i) => {
      if (total > best) {
        best = total
        chosen = i
        ties = 1
      } else if (total === best) {
        ties += 1
        if (this.ctx.rng.int(ties) === 0) chosen = i
      }
    })
    if (atNominated >= 0) chosen = atNominated
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
    this.markUnschedulable(pod, message, ['VolumeBinding'], 'SchedulerError')
  }

  private bind(pod: Pod, nodeName: string, message: string): void {
    const bound = this.ctx.api.bind(pod, nodeName, this.ctx.clock.rfc3339())
    this.ctx.recorder.normal(bound, SOURCE, 'Scheduled', message)
  }

  /**
   * The pod failed its cycle: PodScheduled=False with the message (and the node
   * preemption nominated, '' to clear it), a FailedScheduling event, and the pod waits in
   * unschedulablePods for an event one of its rejecting plugins cares about.
   */
  private markUnschedulable(pod: Pod, message: string, rejectors: Iterable<string>, reason = 'Unschedulable', nominatedNodeName?: string): Pod | undefined {
    const before = pod.status.conditions?.find((c) => c.type === 'PodScheduled')
    const condition = {
      type: 'PodScheduled',
      status: 'False' as const,
      reason,
      message,
      lastProbeTime: null,
      lastTransitionTime: before?.status === 'False' ? before.lastTransitionTime : this.ctx.clock.rfc3339(),
    }
    const status = { ...pod.status, conditions: [condition] }
    if (nominatedNodeName) status.nominatedNodeName = nominatedNodeName
    else if (nominatedNodeName === '') delete status.nominatedNodeName
    const written = this.ctx.api.updateStatus(pod, status)
    this.ctx.recorder.warning(pod, SOURCE, 'FailedScheduling', message)
    if (reason === 'Unschedulable') this.queue.addUnschedulable(written, rejectors)
    else this.queue.addBackoff(written)
    return written
  }

  /** DefaultPreemption's PostFilter over this cycle's verdicts. */
  private postFilter(pod: Pod, infos: readonly NodeInfo[], verdicts: NodeVerdict[], unresolvable: Map<string, boolean>, state: CycleState) {
    const failures = new Map<string, FilterResult>()
    for (const v of verdicts) if (v.rejectedBy) failures.set(v.node, { reasons: v.reasons, unresolvable: unresolvable.get(v.node) ?? true })
    return preempt(
      {
        pod,
        infos,
        failures,
        pdbs: this.ctx.store.list<PodDisruptionBudget>('PodDisruptionBudget'),
        filter: (p, info) => this.runFilters(p, info, state)?.result ?? null,
        offset: (n) => this.ctx.rng.int(n),
      },
      this.ctx.clock.now,
    )
  }

  /**
   * PreemptPod for each victim: the DisruptionTarget condition, a graceful delete (the
   * victim's own grace period) and a Preempted event; then lower-priority pods nominated
   * to the same node lose their nomination.
   */
  private preemptVictims(preemptor: Pod, candidate: PreemptionCandidate): void {
    const now = this.ctx.clock.rfc3339()
    for (const victim of candidate.victims) {
      if (victim.metadata.deletionTimestamp) continue
      const current = this.ctx.store.get<Pod>('Pod', victim.metadata.namespace, victim.metadata.name)
      if (!current || current.metadata.uid !== victim.metadata.uid) continue
      try {
        const condition = {
          type: 'DisruptionTarget',
          status: 'True' as const,
          reason: 'PreemptionByScheduler',
          message: `${preemptor.spec.schedulerName ?? 'default-scheduler'}: preempting to accommodate a higher priority pod`,
          lastProbeTime: null,
          lastTransitionTime: now,
        }
        const conditions = [...(current.status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition]
        const updated = this.ctx.api.updateStatus(current, { ...current.status, conditions })
        this.ctx.api.delete('Pod', updated.metadata.namespace, updated.metadata.name, { uid: updated.metadata.uid })
        this.ctx.recorder.normal(updated, SOURCE, 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${candidate.node}`)
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
      }
    }
    const priority = podPriority(preemptor)
    for (const [uid, p] of this.nominated.get(candidate.node) ?? []) {
      if (uid === preemptor.metadata.uid || podPriority(p) >= priority) continue
      const current = this.ctx.store.get<Pod>('Pod', p.metadata.namespace, p.metadata.name)
      if (!current || current.metadata.uid !== uid) continue
      const status = { ...current.status }
      delete status.nominatedNodeName
      this.ctx.api.updateStatus(current, status)
    }
  }
}

/** Does the pod still wait on schedulingGates? */
function isGated(pod: Pod): boolean {
  return ((pod.spec.schedulingGates as unknown[] | undefined) ?? []).length > 0
}

/** The parts of a node the Filter plugins read: a heartbeat alone changes nothing for pending pods. */
function nodeShape(node: Node): string {
  return JSON.stringify([node.spec, node.status.allocatable, node.metadata.labels])
}
