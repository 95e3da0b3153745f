import type { ServerResponse } from 'node:http'
import { ApiError } from '../engine/api/errors.ts'
import type { KubeObject, LabelSelector, Pod } from '../engine/api/types.ts'
import { formatSelector } from '../engine/util/labels.ts'
import type { ServeContext } from './context.ts'
import { isDryRun, stored, type Target } from './crud.ts'
import { decodeObject, sendJson } from './http.ts'
import { ServeError, success } from './status.ts'

/** The scale subresource's autoscaling/v1 Scale for a Deployment, ReplicaSet, StatefulSet or ReplicationController. */
function scaleOf(obj: KubeObject, replicas: number) {
  const status = obj.status as { replicas?: number } | undefined
  const selector = (obj.spec as { selector?: LabelSelector | Record<string, string> } | undefined)?.selector
  const selectorText = selector && ('matchLabels' in selector || 'matchExpressions' in selector) ? formatSelector(selector as LabelSelector) : selector ? Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',') : ''
  const m = obj.metadata
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas },
    status: { replicas: status?.replicas ?? 0, ...(selectorText ? { selector: selectorText } : {}) },
  }
}

function scaler(t: Target) {
  const scale = t.resource.module.scale
  if (!scale) throw new ServeError('NotFound', 'the server could not find the requested resource')
  return scale
}

export function getScale(ctx: ServeContext, res: ServerResponse, t: Target): void {
  const obj = stored(ctx, t)
  sendJson(res, 200, scaleOf(obj, scaler(t).get(obj)))
}

/** PUT …/scale: writes spec.replicas through an update of the object, so admission and validation apply. */
export function replaceScale(ctx: ServeContext, res: ServerResponse, t: Target, text: string, q: URLSearchParams): void {
  const scale = scaler(t)
  const body = decodeObject(text, 'application/json') as { spec?: { replicas?: unknown }; metadata?: { resourceVersion?: string } }
  const replicas = body.spec?.replicas ?? 0
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) throw new ServeError('BadRequest', `json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`)
  if (replicas < 0) {
    throw new ApiError('Invalid', `Scale.autoscaling "${t.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`, 'spec.replicas', undefined, {
      kind: 'Scale', group: 'autoscaling', name: t.name, causes: [{ field: 'spec.replicas', message: `Invalid value: ${replicas}: must be greater than or equal to 0` }],
    })
  }
  const draft = structuredClone(stored(ctx, t))
  if (body.metadata?.resourceVersion) draft.metadata.resourceVersion = body.metadata.resourceVersion
  scale.set(draft, replicas)
  const written = ctx.sim.ctx.api.update(draft, { dryRun: isDryRun(q) })
  ctx.sim.settle()
  sendJson(res, 200, scaleOf(written, replicas))
}

/** POST pods/NAME/eviction: a delete the pod's PodDisruptionBudget may refuse with 429. */
export function evict(ctx: ServeContext, res: ServerResponse, t: Target, text: string, q: URLSearchParams): void {
  const body = decodeObject(text, 'application/json') as { metadata?: { name?: string }; deleteOptions?: { gracePeriodSeconds?: number; dryRun?: string[] } }
  if (body.metadata?.name !== undefined && body.metadata.name !== t.name) throw new ServeError('BadRequest', `name in URL does not match name in Eviction object`)
  stored(ctx, t)
  if (isDryRun(q, body.deleteOptions as Record<string, unknown> | undefined)) return sendJson(res, 201, success(201))
  ctx.sim.ctx.api.evict(t.namespace!, t.name!, { gracePeriodSeconds: body.deleteOptions?.gracePeriodSeconds })
  ctx.sim.settle()
  sendJson(res, 201, success(201))
}

/** POST pods/NAME/binding: what a scheduler writes to put the pod on a node. */
export function bind(ctx: ServeContext, res: ServerResponse, t: Target, text: string): void {
  const body = decodeObject(text, 'application/json') as { target?: { kind?: string; name?: string } }
  const node = body.target?.name
  if (!node) throw new ServeError('BadRequest', 'target.name: Required value')
  const pod = stored(ctx, t) as Pod
  ctx.sim.ctx.api.bind(pod, node, ctx.sim.ctx.clock.rfc3339())
  ctx.sim.settle()
  sendJson(res, 201, success(201))
}

/** exec, attach and portforward: there are no processes to reach. */
export function notSimulated(t: Target, subresource: string): never {
  throw new ServeError(
    'BadRequest',
    `kubesim serve does not simulate pods/${subresource} (pod "${t.name}"): there are no containers to connect to; kubectl exec works in kubesim's own terminal and scripts`,
  )
}
