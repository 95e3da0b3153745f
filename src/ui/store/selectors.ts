/**
 * Narrow views of the mirrored cluster. Each returns either a stable object reference or
 * a shallow-comparable value, so a component re-renders only when its own data changes.
 */
import { useShallow } from 'zustand/react/shallow'
import type { KubeEvent, Node, Pod } from '../../engine/api/types.ts'
import type { SchedulingDecision } from '../../engine/scheduler/decision.ts'
import type { Namespace } from '../../engine/kinds/namespace.ts'
import { summarizePod } from '../../engine/kubectl/podSummary.ts'
import { podTone, type PodTone } from '../format/podTone.ts'
import { useCluster, type ClusterState } from './clusterStore.ts'
import { EMPTY_NODE_PODS, type NodePods } from './podIndex.ts'

const pods = (s: ClusterState) => (s.objects.Pod ?? {}) as Record<string, Pod>

const namesCache = new WeakMap<object, string[]>()
const NO_NODES = {}

/** Node names in order; sorted again only when a Node changed (a batch of pods alone keeps the list). */
export function useNodeNames(): string[] {
  return useCluster(
    useShallow((s) => {
      const nodes = s.objects.Node ?? NO_NODES
      let names = namesCache.get(nodes)
      if (!names) namesCache.set(nodes, (names = Object.values(nodes).map((n) => n.metadata.name).sort()))
      return names
    }),
  )
}

export function useNode(name: string): Node | undefined {
  return useCluster((s) => s.objects.Node?.[`Node//${name}`] as Node | undefined)
}

/** Whether a store key (`Kind/namespace/name`) is in the namespace the canvas shows. */
export function inShownNamespace(s: ClusterState, key: string): boolean {
  if (s.namespace === null) return true
  const ns = key.slice(key.indexOf('/') + 1, key.lastIndexOf('/'))
  return ns === s.namespace
}

/** A node's entry in the pod index ('' for unscheduled): its identity changes only when its pods do. */
export function useNodePods(nodeName: string | null): NodePods {
  return useCluster((s) => s.podIndex.byNode.get(nodeName ?? '') ?? EMPTY_NODE_PODS)
}

const shownKeysCache = new WeakMap<readonly string[], { namespace: string; keys: string[] }>()

/** Keys of the shown pods bound to `nodeName` (or, for null, not bound yet), in key order. */
export function podKeysOn(s: ClusterState, nodeName: string | null): readonly string[] {
  const all = (s.podIndex.byNode.get(nodeName ?? '') ?? EMPTY_NODE_PODS).keys
  const namespace = s.namespace
  if (namespace === null) return all
  // The same list object while neither the node's pods nor the namespace change, so nothing re-renders.
  const cached = shownKeysCache.get(all)
  if (cached && cached.namespace === namespace) return cached.keys
  const keys = all.filter((k) => inShownNamespace(s, k))
  shownKeysCache.set(all, { namespace, keys })
  return keys
}

export function usePodKeysOn(nodeName: string | null): readonly string[] {
  return useCluster((s) => podKeysOn(s, nodeName))
}

/** Counts of the shown pods per node name (and '' for unscheduled), for the canvas layout: one pass over the nodes, not the pods. */
export function usePodCounts(enabled = true): Record<string, number> {
  return useCluster(
    useShallow((s) => {
      const counts: Record<string, number> = {}
      if (!enabled) return counts
      for (const node of s.podIndex.byNode.keys()) counts[node] = podKeysOn(s, node === '' ? null : node).length
      return counts
    }),
  )
}

export interface NodeUsage {
  cpu: number
  memory: number
  pods: number
}

/** Requests of the pods that occupy a node (finished pods don't). */
export function useNodeUsage(nodeName: string): NodeUsage {
  const entry = useNodePods(nodeName)
  return { cpu: entry.cpu, memory: entry.memory, pods: entry.active }
}

export function usePod(key: string | null): Pod | undefined {
  return useCluster((s) => (key ? pods(s)[key] : undefined))
}

/** Events about one object, oldest first (as `kubectl describe` lists them). */
export function useEventsFor(uid: string | undefined): KubeEvent[] {
  return useCluster(
    useShallow((s) => {
      if (!uid) return []
      const events = Object.values(s.objects.Event ?? {}) as KubeEvent[]
      return events
        .filter((e) => e.involvedObject?.uid === uid)
        .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : a.metadata.name < b.metadata.name ? -1 : 1))
    }),
  )
}

export function useDecision(uid: string | undefined): SchedulingDecision | undefined {
  return useCluster((s) => (uid ? s.decisions[uid] : undefined))
}

/** Namespaces by name with their phase, as `name Phase` strings in name order. */
export function useNamespaces(): { name: string; phase: string }[] {
  const rows = useCluster(
    useShallow((s) =>
      Object.values((s.objects.Namespace ?? {}) as Record<string, Namespace>)
        .map((ns) => `${ns.metadata.name} ${ns.status?.phase ?? 'Active'}`)
        .sort(),
    ),
  )
  return rows.map((r) => {
    const [name, phase] = r.split(' ')
    return { name, phase }
  })
}

/**
 * The pods a controller owns, as kubectl would list them for it: name, STATUS and chip
 * tone, in ordinal order (web-2 before web-10). Strings, so a pod change elsewhere
 * doesn't re-render the caller.
 */
export function useOwnedPods(ownerUid: string): { name: string; status: string; tone: PodTone }[] {
  const rows = useCluster(
    useShallow((s) => {
      const out: string[] = []
      for (const pod of Object.values(pods(s))) {
        if (!pod.metadata.ownerReferences?.some((r) => r.uid === ownerUid && r.controller)) continue
        const summary = summarizePod(pod, 0)
        out.push(`${pod.metadata.name}\t${summary.status}\t${podTone(pod, summary)}`)
      }
      return out.sort(byOrdinal)
    }),
  )
  return rows.map((r) => {
    const [name, status, tone] = r.split('\t')
    return { name, status, tone: tone as PodTone }
  })
}

/** Orders `web-2` before `web-10`: by name prefix, then by the trailing number. */
function byOrdinal(a: string, b: string): number {
  const [na, nb] = [a.split('\t')[0], b.split('\t')[0]]
  const [pa, pb] = [/^(.*?)(\d+)$/.exec(na), /^(.*?)(\d+)$/.exec(nb)]
  if (pa && pb && pa[1] === pb[1]) return Number(pa[2]) - Number(pb[2])
  return na < nb ? -1 : na > nb ? 1 : 0
}
