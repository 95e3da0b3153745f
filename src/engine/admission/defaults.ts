import type { Deployment, KubeObject, Pod, ReplicaSet } from '../api/types.ts'
import type { ApiStore } from '../api/store.ts'
import type { SeededRandom } from '../rng.ts'
import { admitPod, defaultPodSpec, initialPodStatus } from './podDefaults.ts'
import { defaultService } from './serviceDefaults.ts'

/** API defaulting per kind, applied to every object written through apply/create. */
export function applyDefaults(obj: KubeObject, isNew: boolean, ctx: { randomSuffix(): string; rng: SeededRandom; store: ApiStore }): void {
  switch (obj.kind) {
    case 'Pod': {
      const pod = obj as Pod
      defaultPodSpec(pod.spec)
      if (isNew) {
        admitPod(pod.spec, ctx.randomSuffix())
        initialPodStatus(pod)
      }
      break
    }
    case 'Deployment': {
      const d = obj as Deployment
      d.spec.replicas ??= 1
      d.spec.strategy ??= { type: 'RollingUpdate' }
      d.spec.strategy.type ??= 'RollingUpdate'
      if (d.spec.strategy.type === 'RollingUpdate') {
        d.spec.strategy.rollingUpdate = { maxUnavailable: '25%', maxSurge: '25%', ...(d.spec.strategy.rollingUpdate ?? {}) }
      }
      d.spec.revisionHistoryLimit ??= 10
      d.spec.progressDeadlineSeconds ??= 600
      if (d.spec.template?.spec) defaultPodSpec(d.spec.template.spec)
      if (isNew) d.status = {}
      break
    }
    case 'ReplicaSet': {
      const rs = obj as ReplicaSet
      rs.spec.replicas ??= 1
      if (rs.spec.template?.spec) defaultPodSpec(rs.spec.template.spec)
      if (isNew) rs.status = { replicas: 0 }
      break
    }
    case 'Service': {
      const services = ctx.store.list('Service')
      const specs = services.map((s) => s.spec as { clusterIP?: string; ports?: { nodePort?: number }[] })
      const usedIPs = new Set(specs.map((s) => s.clusterIP ?? ''))
      const usedNodePorts = new Set(specs.flatMap((s) => (s.ports ?? []).map((p) => p.nodePort ?? 0)))
      defaultService(obj, isNew, ctx.rng, usedIPs, usedNodePorts)
      break
    }
    case 'Namespace':
      if (isNew) obj.status = { phase: 'Active' }
      obj.spec = { finalizers: ['kubernetes'] }
      break
  }
}
