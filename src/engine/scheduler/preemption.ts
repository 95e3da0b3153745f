import type { Pod } from '../api/types.ts'
import type { PodDisruptionBudget } from '../controllers/disruptionController.ts'
import { parseSimTime } from '../clock.ts'
import { selectorMatches } from '../util/labels.ts'
import { addPod, removePod, type NodeInfo } from './nodeInfo.ts'
import type { FilterResult } from './plugin.ts'

/**
 * DefaultPreemption, the PostFilter plugin (framework/preemption and
 * plugins/defaultpreemption): when no node fits a pod, find nodes where evicting
 * lower-priority pods would make it fit, keep the fewest victims there, and pick one node.
 */

export const NOT_HELPFUL = 'Preemption is not helpful for scheduling'
export const NO_VICTIMS = 'No preemption victims found for incoming pod'

/** DefaultPreemptionArgs defaults: dry-run at least 10% of the nodes, and at least 100. */
const MIN_CANDIDATE_NODES_PERCENTAGE = 10
const MIN_CANDIDATE_NODES_ABSOLUTE = 100

export interface PreemptionCandidate {
  node: string
  /** Sorted from the most to the least important. */
  victims: Pod[]
  pdbViolations: number
}

export type PreemptionOutcome =
  | { kind: 'nominate'; candidate: PreemptionCandidate }
  /** The PostFilter's message, appended to the FailedScheduling text after the filter reasons. */
  | { kind: 'unschedulable'; message: string; clearNomination: boolean }

export interface PreemptionInput {
  pod: Pod
  infos: readonly NodeInfo[]
  /** Each node's Filter failure; nodes failed for a reason preemption cannot fix are marked unresolvable. */
  failures: Map<string, FilterResult>
  pdbs: readonly PodDisruptionBudget[]
  /** Runs the Filter plugins (with the nominated pods) for the pod on a modified node. */
  filter(pod: Pod, info: NodeInfo): FilterResult | null
  /** A random offset into the candidate nodes, as GetOffsetAndNumCandidates draws it. */
  offset(n: number): number
}

export function podPriority(pod: Pod): number {
  return pod.spec.priority ?? 0
}

function startTime(pod: Pod, now: number): number {
  return pod.status.startTime ? parseSimTime(pod.status.startTime) : now
}

/** util.MoreImportantPod: higher priority first, then the one that started earlier. */
export function moreImportant(a: Pod, b: Pod, now: number): boolean {
  const pa = podPriority(a)
  const pb = podPriority(b)
  if (pa !== pb) return pa > pb
  return startTime(a, now) < startTime(b, now)
}

/** The victim was deleted by the scheduler's preemption and is still terminating. */
function terminatingByPreemption(pod: Pod): boolean {
  if (!pod.metadata.deletionTimestamp) return false
  const c = pod.status.conditions?.find((x) => x.type === 'DisruptionTarget')
  return c?.status === 'True' && c.reason === 'PreemptionByScheduler'
}

/** PodEligibleToPreemptOthers: the reason the pod may not preempt, or undefined. */
export function ineligibleReason(pod: Pod, infos: readonly NodeInfo[], failures: Map<string, FilterResult>): string | undefined {
  if (pod.spec.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.'
  const nominated = (pod.status as { nominatedNodeName?: string }).nominatedNodeName
  if (nominated) {
    if (failures.get(nominated)?.unresolvable) return undefined
    const info = infos.find((i) => i.node.metadata.name === nominated)
    const priority = podPriority(pod)
    if (info?.pods.some((p) => podPriority(p) < priority && terminatingByPreemption(p))) {
      return 'not eligible due to a terminating pod on the nominated node.'
    }
  }
  return undefined
}

/** A copy of the node's entry without the given pods, for dry runs. */
function without(info: NodeInfo, removed: ReadonlySet<Pod>): NodeInfo {
  const copy: NodeInfo = {
    ...info,
    pods: [],
    requested: { cpu: 0, memory: 0 },
    nonZeroRequested: { cpu: 0, memory: 0 },
    requestedScalar: {},
    podsWithAffinity: [],
  }
  for (const p of info.pods) if (!removed.has(p)) addPod(copy, p)
  return copy
}

/** A copy of the node's entry with pods added: the pods nominated to it, which Filter counts as if they ran there. */
export function withPods(info: NodeInfo, added: readonly Pod[]): NodeInfo {
  const copy: NodeInfo = {
    ...info,
    pods: [...info.pods],
    requested: { ...info.requested },
    nonZeroRequested: { ...info.nonZeroRequested },
    requestedScalar: { ...info.requestedScalar },
    podsWithAffinity: [...info.podsWithAffinity],
  }
  for (const p of added) addPod(copy, p)
  return copy
}


function selectsNothing(pdb: PodDisruptionBudget): boolean {
  const s = pdb.spec.selector
  return !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0)
}

/**
 * filterPodsWithPDBViolation: splits pods (kept in order) into those whose eviction
 * would take a budget below zero and the others. Each matching pod uses one disruption.
 */
export function splitByPdbViolation(pods: Pod[], pdbs: readonly PodDisruptionBudget[]): { violating: Pod[]; nonViolating: Pod[] } {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0)
  const violating: Pod[] = []
  const nonViolating: Pod[] = []
  for (const pod of pods) {
    let violated = false
    if (pod.metadata.labels && Object.keys(pod.metadata.labels).length > 0) {
      pdbs.forEach((pdb, i) => {
        if (pdb.metadata.namespace !== pod.metadata.namespace || selectsNothing(pdb)) return
        if (!selectorMatches(pdb.spec.selector, pod.metadata.labels)) return
        if (pdb.status?.disruptedPods?.[pod.metadata.name]) return
        allowed[i] -= 1
        if (allowed[i] < 0) violated = true
      })
    }
    ;(violated ? violating : nonViolating).push(pod)
  }
  return { violating, nonViolating }
}

/**
 * SelectVictimsOnNode: remove every lower-priority pod; if the pod then fits, add them
 * back from the most important down (PDB-violating ones first) while it still fits.
 * Those that cannot come back are the victims.
 */
export function selectVictimsOnNode(
  pod: Pod,
  info: NodeInfo,
  pdbs: readonly PodDisruptionBudget[],
  filter: PreemptionInput['filter'],
  now: number,
): { victims: Pod[]; pdbViolations: number } | { failure: FilterResult } {
  const priority = podPriority(pod)
  const potential = info.pods.filter((p) => podPriority(p) < priority)
  if (potential.length === 0) return { failure: { reasons: [NO_VICTIMS], unresolvable: true } }
  const trial = without(info, new Set(potential))
  const failure = filter(pod, trial)
  if (failure) return { failure }
  potential.sort((a, b) => (moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0))
  const { violating, nonViolating } = splitByPdbViolation(potential, pdbs)
  const victims: Pod[] = []
  let pdbViolations = 0
  const reprieve = (p: Pod): boolean => {
    addPod(trial, p)
    if (!filter(pod, trial)) return true
    removePod(trial, p)
    victims.push(p)
    return false
  }
  for (const p of violating) if (!reprieve(p)) pdbViolations += 1
  for (const p of nonViolating) reprieve(p)
  if (violating.length && nonViolating.length) victims.sort((a, b) => (moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0))
  return { victims, pdbViolations }
}

/**
 * pickOneNodeForPreemption: fewest PDB violations, then the lowest highest-priority
 * victim, the smallest sum of priorities, the fewest victims, the latest start among
 * the highest-priority victims; the first node left wins.
 */
export function pickCandidate(candidates: PreemptionCandidate[], now: number): PreemptionCandidate | undefined {
  const earliestTopStart = (c: PreemptionCandidate): number => {
    const top = podPriority(c.victims[0])
    let earliest = Infinity
    for (const v of c.victims) if (podPriority(v) === top) earliest = Math.min(earliest, startTime(v, now))
    return earliest
  }
  const scores: ((c: PreemptionCandidate) => number)[] = [
    (c) => -c.pdbViolations,
    (c) => -podPriority(c.victims[0]),
    // Each priority is shifted by 2^31 so that more victims of a negative priority never look cheaper.
    (c) => -c.victims.reduce((sum, v) => sum + podPriority(v) + 2 ** 31, 0),
    (c) => -c.victims.length,
    earliestTopStart,
  ]
  let left = candidates
  for (const score of scores) {
    if (left.length <= 1) break
    let best = -Infinity
    let kept: PreemptionCandidate[] = []
    for (const c of left) {
      const s = score(c)
      if (s > best) {
        best = s
        kept = [c]
      } else if (s === best) kept.push(c)
    }
    left = kept
  }
  return left[0]
}

/** The "0/N nodes are available: ..." text of the preemption's own FitError. */
function preemptionFitError(total: number, statuses: Map<string, FilterResult>): string {
  const counts = new Map<string, number>()
  for (const s of statuses.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  if (statuses.size < total) counts.set(NOT_HELPFUL, (counts.get(NOT_HELPFUL) ?? 0) + total - statuses.size)
  const reasons = [...counts].map(([r, n]) => `${n} ${r}`).sort()
  return `0/${total} nodes are available: ${reasons.join(', ')}.`
}

/** Evaluator.Preempt: the node to nominate and its victims, or why preemption cannot help. */
export function preempt(input: PreemptionInput, now: number): PreemptionOutcome {
  const { pod, infos, failures } = input
  const ineligible = ineligibleReason(pod, infos, failures)
  if (ineligible) return { kind: 'unschedulable', message: `preemption: ${ineligible}`, clearNomination: false }

  // Only nodes that failed for a reason removing pods can fix are worth a dry run.
  const potential = infos.filter((i) => {
    const f = failures.get(i.node.metadata.name)
    return f && !f.unresolvable
  })
  const statuses = new Map<string, FilterResult>()
  const nonViolating: PreemptionCandidate[] = []
  const violating: PreemptionCandidate[] = []
  if (potential.length > 0) {
    const wanted = Math.min(potential.length, Math.max(MIN_CANDIDATE_NODES_ABSOLUTE, Math.floor((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100)))
    const offset = input.offset(potential.length)
    for (let i = 0; i < potential.length; i++) {
      const info = potential[(offset + i) % potential.length]
      const result = selectVictimsOnNode(pod, info, input.pdbs, input.filter, now)
      if ('failure' in result) {
        statuses.set(info.node.metadata.name, result.failure)
        continue
      }
      const candidate = { node: info.node.metadata.name, victims: result.victims, pdbViolations: result.pdbViolations }
      ;(result.pdbViolations === 0 ? nonViolating : violating).push(candidate)
      if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break
    }
  }
  const candidates = [...nonViolating, ...violating]
  const chosen = pickCandidate(candidates, now)
  if (!chosen) return { kind: 'unschedulable', message: `preemption: ${preemptionFitError(infos.length, statuses)}`, clearNomination: true }
  return { kind: 'nominate', candidate: chosen }
}
