import type { Node, Pod } from '../api/types.ts'
import { cpuMillis, quantityValue } from '../util/quantity.ts'
import type { NodeInfo } from './nodeInfo.ts'
import { podRequests } from './nodeInfo.ts'
import type { FilterPlugin } from './plugin.ts'
import { nodeAffinity } from './plugins/nodeAffinity.ts'
import { nodeUnschedulable } from './plugins/nodeUnschedulable.ts'
import { taintTolerationFilter } from './plugins/taintToleration.ts'

/**
 * The cluster changes the scheduling queue reacts to, and each plugin's queueing hint
 * (EventsToRegister / QueueingHintFn): could this change make a pod that this plugin
 * rejected schedulable? An unschedulable pod moves only when one of the plugins that
 * rejected it says yes.
 */
export type ClusterEvent =
  | { type: 'NodeAdd'; node: Node }
  | { type: 'NodeUpdate'; old: Node; node: Node }
  /** A pod left a node: deleted, or finished (it no longer counts against the node). */
  | { type: 'AssignedPodDelete'; pod: Pod }
  | { type: 'AssignedPodAdd'; pod: Pod }
  /** A PersistentVolumeClaim, PersistentVolume or StorageClass changed. */
  | { type: 'StorageChange' }

export type QueueingHint = (pod: Pod, event: ClusterEvent) => boolean

/** A plugin's Filter run against a node alone, for hints that only read the Node. */
function passes(plugin: FilterPlugin, pod: Pod, node: Node): boolean {
  return plugin.filter(pod, { node } as NodeInfo, undefined as never, undefined as never) === null
}

/** Node-only filters: a new node that passes, or a node that passes now and did not before. */
function nodeFilterHint(plugin: FilterPlugin): QueueingHint {
  return (pod, e) => {
    if (e.type === 'NodeAdd') return passes(plugin, pod, e.node)
    if (e.type === 'NodeUpdate') return !passes(plugin, pod, e.old) && passes(plugin, pod, e.node)
    return false
  }
}

function allocatableFits(pod: Pod, node: Node): boolean {
  const r = podRequests(pod)
  const a = node.status.allocatable
  return r.cpu <= cpuMillis(a.cpu) && r.memory <= quantityValue(a.memory) && quantityValue(a.pods) >= 1
}

function hostPorts(pod: Pod): string[] {
  return pod.spec.containers.flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort).map((p) => `${p.protocol ?? 'TCP'}/${p.hostPort}`))
}

export const QUEUEING_HINTS: Record<string, QueueingHint> = {
  // Room appears when a pod leaves a node, a node is added, or a node's allocatable grows.
  NodeResourcesFit: (pod, e) => {
    if (e.type === 'AssignedPodDelete') return true
    if (e.type === 'NodeAdd') return allocatableFits(pod, e.node)
    if (e.type === 'NodeUpdate') return JSON.stringify(e.old.status.allocatable) !== JSON.stringify(e.node.status.allocatable) && allocatableFits(pod, e.node)
    return false
  },
  NodeUnschedulable: nodeFilterHint(nodeUnschedulable),
  TaintToleration: nodeFilterHint(taintTolerationFilter),
  NodeAffinity: nodeFilterHint(nodeAffinity),
  NodeName: (pod, e) => e.type === 'NodeAdd' && e.node.metadata.name === pod.spec.nodeName,
  NodePorts: (pod, e) => {
    if (e.type === 'NodeAdd') return true
    if (e.type !== 'AssignedPodDelete') return false
    const used = new Set(hostPorts(e.pod))
    return hostPorts(pod).some((p) => used.has(p))
  },
  VolumeBinding: (_pod, e) => e.type === 'StorageChange' || e.type === 'NodeAdd' || (e.type === 'NodeUpdate' && JSON.stringify(e.old.metadata.labels) !== JSON.stringify(e.node.metadata.labels)),
}

/** The events each plugin above registers for (EventsToRegister): others never ask it. */
export const QUEUEING_EVENTS: Record<string, readonly ClusterEvent['type'][]> = {
  NodeResourcesFit: ['NodeAdd', 'NodeUpdate', 'AssignedPodDelete'],
  NodeUnschedulable: ['NodeAdd', 'NodeUpdate'],
  TaintToleration: ['NodeAdd', 'NodeUpdate'],
  NodeAffinity: ['NodeAdd', 'NodeUpdate'],
  NodeName: ['NodeAdd'],
  NodePorts: ['NodeAdd', 'AssignedPodDelete'],
  VolumeBinding: ['StorageChange', 'NodeAdd', 'NodeUpdate'],
}

/**
 * isPodWorthRequeuing: a pod no plugin rejected (there were no nodes) moves on any
 * event; otherwise one yes from a rejecting plugin is enough. A plugin without hints
 * here is asked about nothing and moves the pod on every event, as the framework does
 * for plugins that register no events of their own.
 */
export function worthRequeuing(pod: Pod, rejectors: ReadonlySet<string>, event: ClusterEvent): boolean {
  if (rejectors.size === 0) return true
  for (const plugin of rejectors) {
    const hint = QUEUEING_HINTS[plugin]
    if (!hint || hint(pod, event)) return true
  }
  return false
}
