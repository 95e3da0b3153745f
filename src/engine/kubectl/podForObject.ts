import { resolveResourceName } from '../api/resources.ts'
import type { LabelSelector, Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import { isPodReady } from '../controllers/podReadiness.ts'
import { selectorMatches } from '../util/labels.ts'
import { notFound } from './commands/get.ts'
import type { CommandContext } from './commands/context.ts'
import { KubectlError } from './resolve.ts'

/**
 * `kubectl logs deploy/web` and `kubectl exec deploy/web`: the pods a TYPE/NAME stands for
 * (polymorphichelpers SelectorsForObject), best first, as GetFirstPod sorts them.
 */

/** Which of kubectl's pod orders picks the pod: logs prefer pods with restarts, exec the steadiest one. */
export type PodOrder = 'logging' | 'attachable'

/** The Go type kubectl names in `selector for *v1.X not implemented`. */
const GO_TYPE: Record<string, string> = { CronJob: '*v1.CronJob', Pod: '*v1.Pod', ConfigMap: '*v1.ConfigMap', Node: '*v1.Node', Secret: '*v1.Secret', Namespace: '*v1.Namespace' }

function selectorOf(obj: { kind: string; spec?: unknown }): LabelSelector | undefined {
  const spec = (obj.spec ?? {}) as { selector?: LabelSelector | Record<string, string> }
  if (obj.kind === 'Service' || obj.kind === 'ReplicationController') {
    const labels = spec.selector as Record<string, string> | undefined
    return labels && Object.keys(labels).length > 0 ? { matchLabels: labels } : undefined
  }
  return spec.selector as LabelSelector | undefined
}

function readySince(pod: Pod): number {
  const t = pod.status.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime
  return t ? parseSimTime(t) : Infinity
}

function restarts(pod: Pod): number {
  return Math.max(0, ...(pod.status.containerStatuses ?? []).map((c) => c.restartCount ?? 0))
}

/** podutils.ByLogging, and the reverse of podutils.ActivePods for attaching. */
function compare(order: PodOrder) {
  const phaseRank = (p: Pod) => ({ Running: 0, Unknown: 1, Pending: 2 })[p.status.phase as string] ?? 0
  return (a: Pod, b: Pod): number => {
    if (!!a.spec.nodeName !== !!b.spec.nodeName) return a.spec.nodeName ? -1 : 1
    if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b)
    if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? -1 : 1
    if (isPodReady(a) && readySince(a) !== readySince(b)) return readySince(a) - readySince(b)
    if (restarts(a) !== restarts(b)) return order === 'logging' ? restarts(b) - restarts(a) : restarts(a) - restarts(b)
    return parseSimTime(a.metadata.creationTimestamp) - parseSimTime(b.metadata.creationTimestamp)
  }
}

/**
 * The pod `target` names (`web`, `pod/web`, `deployment/web`) and how many pods matched
 * when it named a controller. `verb` words the error for a kind without a selector.
 */
export function podForObject(ctx: CommandContext, target: string, order: PodOrder, verb: 'get the logs from' | 'attach to'): { pod: Pod; matched: number } {
  const slash = target.indexOf('/')
  const typed = slash < 0 ? 'pods' : target.slice(0, slash)
  const name = slash < 0 ? target : target.slice(slash + 1)
  const resource = resolveResourceName(typed)
  if (!resource) throw new KubectlError(`error: the server doesn't have a resource type "${typed}"`)
  if (!name) throw new KubectlError('error: arguments in resource/name form must have a single resource and name')
  const obj = ctx.sim.store.get(resource.kind, resource.namespaced ? ctx.namespace : undefined, name)
  if (!obj) throw new KubectlError(notFound(resource, name))
  if (obj.kind === 'Pod') return { pod: obj as Pod, matched: 1 }
  const selector = ['ReplicationController', 'ReplicaSet', 'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'Service'].includes(obj.kind) ? selectorOf(obj as { kind: string; spec?: unknown }) : undefined
  if (!selector) throw new KubectlError(`error: cannot ${verb} ${GO_TYPE[obj.kind] ?? `*v1.${obj.kind}`}: selector for ${GO_TYPE[obj.kind] ?? `*v1.${obj.kind}`} not implemented`)
  const pods = ctx.sim.store.list<Pod>('Pod', ctx.namespace).filter((p) => selectorMatches(selector, p.metadata.labels))
  if (pods.length === 0) throw new KubectlError('error: timed out waiting for the condition')
  const sorted = [...pods].sort(compare(order))
  return { pod: sorted[0], matched: pods.length }
}
