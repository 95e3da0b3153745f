import type { DaemonSet, Node, Pod, PodSpec, Toleration } from '../api/types.ts'
import { matchesNodeSelectorAndAffinity } from '../scheduler/plugins/nodeAffinity.ts'
import { tolerates } from '../scheduler/plugins/taintToleration.ts'

/**
 * What makes a pod a daemon pod (pkg/controller/daemon/util): the tolerations every
 * one gets, the node affinity that pins it to its node, and which nodes should run one.
 */

const exists = (key: string, effect: 'NoSchedule' | 'NoExecute'): Toleration => ({ key, operator: 'Exists', effect })

/** AddOrUpdateDaemonPodTolerations: node problems never evict or keep out a daemon pod. */
export function withDaemonTolerations(spec: PodSpec): Toleration[] {
  const wanted = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(spec.hostNetwork ? [exists('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ]
  let tolerations = [...(spec.tolerations ?? [])]
  for (const t of wanted) {
    // AddOrUpdateTolerationInPodSpec: a toleration with the same key, operator, value and effect is replaced in place.
    const same = (o: Toleration) => (o.key ?? '') === t.key && (o.operator ?? 'Equal') === t.operator && (o.value ?? '') === '' && (o.effect ?? '') === t.effect
    if (tolerations.some(same)) tolerations = tolerations.map((o) => (same(o) ? t : o))
    else tolerations.push(t)
  }
  return tolerations
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes "this node, by name". */
export function pinnedToNode(affinity: unknown, nodeName: string): Record<string, unknown> {
  const base = (affinity && typeof affinity === 'object' ? structuredClone(affinity) : {}) as Record<string, Record<string, unknown>>
  const nodeAffinity = { ...(base.nodeAffinity ?? {}) }
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  }
  return { ...base, nodeAffinity }
}

/** GetTargetNodeName: the node a daemon pod is bound to, or pinned to while it waits for the scheduler. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName
  const terms = (pod.spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; operator: string; values?: string[] }[] }[] } } } | undefined)
    ?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  for (const term of terms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.length === 1 ? f.values[0] : undefined
    }
  }
  return undefined
}

/**
 * NodeShouldRunDaemonPod: `shouldRun` when the node passes the template's nodeName,
 * nodeSelector, required node affinity and NoSchedule/NoExecute taints (with the
 * daemon tolerations); `shouldContinueRunning` also when only a NoSchedule taint is in
 * the way, so a node tainted after the fact keeps its pod.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = ds.spec.template.spec
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false }
  const pod = { spec: { ...spec, tolerations: withDaemonTolerations(spec) } } as Pod
  if (!matchesNodeSelectorAndAffinity(pod, node)) return { shouldRun: false, shouldContinueRunning: false }
  const untolerated = (node.spec.taints ?? []).filter((taint) => taint.effect !== 'PreferNoSchedule' && !pod.spec.tolerations!.some((t) => tolerates(t, taint)))
  if (untolerated.length === 0) return { shouldRun: true, shouldContinueRunning: true }
  return { shouldRun: false, shouldContinueRunning: !untolerated.some((t) => t.effect === 'NoExecute') }
}
