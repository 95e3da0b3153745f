import { ApiError } from '../api/errors.ts'
import type { Deployment, DeploymentStatus, ReplicaSet, WorkloadCondition } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { selectorMatches } from '../util/labels.ts'
import { controllerRef, isControlledBy, ownerReferenceTo } from './ownership.ts'
import { podTemplateHash } from './podTemplateHash.ts'
import { surgeAndUnavailable } from './rollingUpdateMath.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

const SOURCE = { component: 'deployment-controller' }
const REVISION = 'deployment.kubernetes.io/revision'

/**
 * The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod
 * template, named by the template's hash; rolling updates move replicas from the old
 * ReplicaSets to the new one within maxSurge / maxUnavailable; Recreate scales the old
 * ones to zero first.
 */
export class DeploymentController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'deployment-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'Deployment' && type !== 'DELETED') this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name))
      if (obj.kind === 'ReplicaSet') {
        const ref = controllerRef(obj)
        if (ref?.kind === 'Deployment') this.queue.add(nsKey(obj.metadata.namespace, ref.name))
        else if (!ref && type !== 'DELETED') {
          // An orphaned ReplicaSet is adopted by a Deployment that selects it.
          for (const d of ctx.store.list<Deployment>('Deployment', obj.metadata.namespace)) {
            if (selectorMatches(d.spec.selector, obj.metadata.labels)) this.queue.add(nsKey(d.metadata.namespace, d.metadata.name))
          }
        }
      }
    }, ['Deployment', 'ReplicaSet'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const d = this.ctx.store.get<Deployment>('Deployment', namespace, name)
    if (!d) return
    // A Deployment being deleted only reports on its ReplicaSets (syncStatusOnly).
    if (d.metadata.deletionTimestamp) return this.updateStatus(d, undefined, this.ctx.store.dependents<ReplicaSet>(d.metadata.uid, 'ReplicaSet'))

    const owned = this.claimReplicaSets(d)
    const hash = podTemplateHash(d.spec.template, d.status.collisionCount)
    let newRS = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash)
    const oldRSs = owned.filter((rs) => rs !== newRS)

    if (d.spec.paused) return this.updateStatus(d, newRS, owned)

    if (!newRS) {
      const maxRevision = Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)))
      newRS = this.createReplicaSet(d, hash, maxRevision + 1, this.initialReplicas(d, oldRSs))
    } else {
      this.syncRevision(d, newRS, owned)
    }

    if (d.spec.strategy.type === 'Recreate') this.recreate(d, newRS, oldRSs)
    else this.rollingUpdate(d, newRS, oldRSs)

    this.cleanupHistory(d, oldRSs)
    this.updateStatus(d, newRS, [newRS, ...oldRSs])
  }

  /** The ReplicaSets this Deployment controls, adopting orphans its selector matches (ControllerRefManager). */
  private claimReplicaSets(d: Deployment): ReplicaSet[] {
    const owned: ReplicaSet[] = []
    for (const rs of this.ctx.store.list<ReplicaSet>('ReplicaSet', d.metadata.namespace)) {
      if (isControlledBy(rs, d)) owned.push(rs)
      else if (!controllerRef(rs) && !rs.metadata.deletionTimestamp && selectorMatches(d.spec.selector, rs.metadata.labels)) {
        owned.push(
          this.ctx.api.mutate<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name, (draft) => {
            draft.metadata.ownerReferences = [...(draft.metadata.ownerReferences ?? []), ownerReferenceTo(d)]
          }),
        )
      }
    }
    return owned
  }

  /** The stored version of a ReplicaSet this sync has already written. */
  private current(rs: ReplicaSet): ReplicaSet {
    return this.ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name) ?? rs
  }

  /** How big a brand-new ReplicaSet starts: everything, or what maxSurge allows next to old pods. */
  private initialReplicas(d: Deployment, oldRSs: ReplicaSet[]): number {
    if (d.spec.strategy.type === 'Recreate') {
      return oldRSs.some((rs) => rs.spec.replicas > 0 || rs.status.replicas > 0) ? 0 : d.spec.replicas
    }
    const { maxSurge } = surgeAndUnavailable(d)
    const current = oldRSs.reduce((n, rs) => n + rs.spec.replicas, 0)
    return Math.max(0, Math.min(d.spec.replicas, d.spec.replicas + maxSurge - current))
  }

  private createReplicaSet(d: Deployment, hash: string, revision: number, replicas: number): ReplicaSet {
    if (this.ctx.store.get('ReplicaSet', d.metadata.namespace, `${d.metadata.name}-${hash}`)) {
      // A ReplicaSet of that name belongs to someone else: hash again with a collision count.
      this.ctx.api.updateStatus(d, { ...d.status, collisionCount: (d.status.collisionCount ?? 0) + 1 })
      throw new ApiError('AlreadyExists', `replicasets.apps "${d.metadata.name}-${hash}" already exists`)
    }
    const template = structuredClone(d.spec.template)
    template.metadata = { ...template.metadata, labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash } }
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels: { ...(d.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash },
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas),
          'deployment.kubernetes.io/max-replicas': String(d.spec.replicas + surgeAndUnavailable(d).maxSurge),
          [REVISION]: String(revision),
        },
        ownerReferences: [ownerReferenceTo(d)],
      },
      spec: {
        replicas: 0,
        minReadySeconds: d.spec.minReadySeconds ?? 0,
        selector: {
          ...d.spec.selector,
          matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash },
        },
        template,
      },
      status: { replicas: 0 },
    }
    const created = this.ctx.api.create(rs)
    this.setRevision(d, String(revision))
    return replicas > 0 ? this.scale(d, created, replicas) : created
  }

  /** Rolling back to an old template re-uses its ReplicaSet under the next revision number. */
  private syncRevision(d: Deployment, newRS: ReplicaSet, owned: ReplicaSet[]): void {
    const revisions = owned.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0))
    const current = Number(newRS.metadata.annotations?.[REVISION] ?? 0)
    const max = Math.max(0, ...revisions)
    const target = current < max ? max + 1 : current
    if (target !== current) {
      this.ctx.api.mutate<ReplicaSet>('ReplicaSet', newRS.metadata.namespace, newRS.metadata.name, (draft) => {
        draft.metadata.annotations = { ...(draft.metadata.annotations ?? {}), [REVISION]: String(target) }
      })
    }
    this.setRevision(d, String(target))
  }

  private setRevision(d: Deployment, revision: string): void {
    this.ctx.api.mutate<Deployment>('Deployment', d.metadata.namespace, d.metadata.name, (draft) => {
      if (draft.metadata.annotations?.[REVISION] === revision) return false
      draft.metadata.annotations = { ...(draft.metadata.annotations ?? {}), [REVISION]: revision }
    })
  }

  private scale(d: Deployment, rs: ReplicaSet, replicas: number): ReplicaSet {
    const from = this.current(rs).spec.replicas
    if (from === replicas) return this.current(rs)
    const scaled = this.ctx.api.mutate<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name, (draft) => {
      draft.spec.replicas = replicas
      draft.metadata.annotations = {
        ...(draft.metadata.annotations ?? {}),
        'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas),
        'deployment.kubernetes.io/max-replicas': String(d.spec.replicas + surgeAndUnavailable(d).maxSurge),
      }
    })
    const verb = replicas > from ? 'up' : 'down'
    this.ctx.recorder.normal(d, SOURCE, 'ScalingReplicaSet', `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${replicas}`)
    return scaled
  }

  private rollingUpdate(d: Deployment, newRS: ReplicaSet, oldRSs: ReplicaSet[]): void {
    const { maxSurge, maxUnavailable } = surgeAndUnavailable(d)
    const all = [newRS, ...oldRSs]
    const replicasOf = (rs: ReplicaSet) => this.current(rs).spec.replicas
    const total = () => all.reduce((n, rs) => n + replicasOf(rs), 0)

    // Scale up the new ReplicaSet as far as maxSurge allows.
    if (replicasOf(newRS) > d.spec.replicas) this.scale(d, newRS, d.spec.replicas)
    else if (replicasOf(newRS) < d.spec.replicas) {
      const room = d.spec.replicas + maxSurge - total()
      if (room > 0) this.scale(d, newRS, replicasOf(newRS) + Math.min(room, d.spec.replicas - replicasOf(newRS)))
    }

    // Scale down old ReplicaSets as far as maxUnavailable allows, unhealthy pods first.
    const oldActive = oldRSs.filter((rs) => replicasOf(rs) > 0).sort(byCreation)
    if (oldActive.length === 0) return
    const minAvailable = d.spec.replicas - maxUnavailable
    const newUnavailable = replicasOf(newRS) - (newRS.status.availableReplicas ?? 0)
    let maxScaleDown = total() - minAvailable - newUnavailable
    for (const rs of oldActive) {
      if (maxScaleDown <= 0) break
      const unhealthy = replicasOf(rs) - (rs.status.availableReplicas ?? 0)
      const n = Math.min(unhealthy, maxScaleDown)
      if (n > 0) {
        this.scale(d, rs, replicasOf(rs) - n)
        maxScaleDown -= n
      }
    }
    const available = all.reduce((n, rs) => n + Math.min(replicasOf(rs), rs.status.availableReplicas ?? 0), 0)
    let canScaleDown = available - minAvailable
    for (const rs of oldActive) {
      if (canScaleDown <= 0) break
      const n = Math.min(replicasOf(rs), canScaleDown)
      if (n > 0) {
        this.scale(d, rs, replicasOf(rs) - n)
        canScaleDown -= n
      }
    }
  }

  private recreate(d: Deployment, newRS: ReplicaSet, oldRSs: ReplicaSet[]): void {
    for (const rs of oldRSs) if (this.current(rs).spec.replicas > 0) this.scale(d, rs, 0)
    const oldPodsRunning = oldRSs.some((rs) => rs.status.replicas > 0)
    if (!oldPodsRunning) this.scale(d, newRS, d.spec.replicas)
  }

  /** Keeps at most revisionHistoryLimit old, empty ReplicaSets. */
  private cleanupHistory(d: Deployment, oldRSs: ReplicaSet[]): void {
    const limit = d.spec.revisionHistoryLimit ?? 10
    const empty = oldRSs.map((rs) => this.current(rs)).filter((rs) => rs.spec.replicas === 0 && rs.status.replicas === 0).sort(byCreation)
    for (const rs of empty.slice(0, Math.max(0, empty.length - limit))) {
      this.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name, { uid: rs.metadata.uid })
    }
  }

  private updateStatus(d: Deployment, newRSBefore: ReplicaSet | undefined, allBefore: ReplicaSet[]): void {
    d = this.ctx.store.get<Deployment>('Deployment', d.metadata.namespace, d.metadata.name) ?? d
    const newRS = newRSBefore && this.current(newRSBefore)
    const all = allBefore.map((rs) => this.current(rs))
    const sum = (f: (rs: ReplicaSet) => number | undefined) => all.reduce((n, rs) => n + (f(rs) ?? 0), 0)
    const available = sum((rs) => rs.status.availableReplicas)
    const { maxUnavailable } = surgeAndUnavailable(d)
    const status: DeploymentStatus = {
      observedGeneration: d.metadata.generation,
      replicas: sum((rs) => rs.status.replicas),
      updatedReplicas: newRS?.status.replicas ?? 0,
      readyReplicas: sum((rs) => rs.status.readyReplicas),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, sum((rs) => rs.status.replicas) - available, d.spec.replicas - available),
    }
    for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) {
      if (status[k] === 0) delete status[k]
    }
    const now = this.ctx.clock.rfc3339()
    const isAvailable = available >= d.spec.replicas - maxUnavailable
    const complete =
      newRS !== undefined &&
      (newRS.status.availableReplicas ?? 0) >= d.spec.replicas &&
      newRS.status.replicas === d.spec.replicas &&
      all.every((rs) => rs === newRS || rs.status.replicas === 0)
    status.conditions = [
      this.condition(d, 'Available', isAvailable, isAvailable ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', isAvailable ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.', now),
      this.condition(
        d,
        'Progressing',
        true,
        complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
        complete ? `ReplicaSet "${newRS!.metadata.name}" has successfully progressed.` : `ReplicaSet "${newRS?.metadata.name ?? d.metadata.name}" is progressing.`,
        now,
      ),
    ]
    if (d.status.collisionCount) status.collisionCount = d.status.collisionCount
    if (JSON.stringify(status) === JSON.stringify(d.status)) return
    this.ctx.api.updateStatus(d, status)
  }

  private condition(d: Deployment, type: string, ok: boolean, reason: string, message: string, now: string): WorkloadCondition {
    const before = d.status?.conditions?.find((c) => c.type === type)
    const status = ok ? 'True' : 'False'
    const same = before && before.status === status && before.reason === reason && before.message === message
    return {
      type,
      status,
      lastUpdateTime: same ? before.lastUpdateTime : now,
      lastTransitionTime: before && before.status === status ? before.lastTransitionTime : now,
      reason,
      message,
    }
  }
}

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp
  const tb = b.metadata.creationTimestamp
  if (ta !== tb) return ta < tb ? -1 : 1
  return a.metadata.name < b.metadata.name ? -1 : 1
}
