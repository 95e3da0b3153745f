import { applyDefaults } from '../admission/defaults.ts'
import { invalidMessage } from '../admission/fieldErrors.ts'
import { dropNulls, strictDecode } from '../admission/strictDecoding.ts'
import { validateObject } from '../admission/validation.ts'
import type { EngineContext } from '../context.ts'
import { qualifiedPlural, qualifiedSingular, resourceForManifest, type ResourceType } from './resources.ts'
import { threeWayMerge } from './threeWayMerge.ts'
import type { KubeObject, Pod } from './types.ts'
import { NAME_ALPHABET } from '../rng.ts'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

export interface ApplyRequest {
  manifest: Record<string, unknown>
  /** What kubectl calls the input in messages: a file path, or `STDIN`. */
  source: string
  /** `-n` from the command line, if given. */
  namespace?: string
  mode: 'apply' | 'create'
}

export type ApplyResult =
  | { ok: true; resource: ResourceType; name: string; action: 'created' | 'configured' | 'unchanged'; warnings: string[] }
  | { ok: false; error: string; /** Field path the error is about, for pointing at a line. */ path?: string }

/**
 * The server side of `kubectl apply` / `kubectl create` for one document: resolve the
 * kind, decode strictly, default, validate, then create or merge into the live object.
 */
export function applyManifest(ctx: EngineContext, req: ApplyRequest): ApplyResult {
  const m = req.manifest
  const meta = (typeof m.metadata === 'object' && m.metadata !== null ? m.metadata : {}) as Record<string, unknown>
  const name = typeof meta.name === 'string' ? meta.name : ''
  const kind = typeof m.kind === 'string' ? m.kind : ''
  const apiVersion = typeof m.apiVersion === 'string' ? m.apiVersion : ''
  if (!kind) return { ok: false, error: `error: unable to decode "${req.source}": Object 'Kind' is missing in '${JSON.stringify(m)}'`, path: 'kind' }

  const resource = resourceForManifest(apiVersion, kind)
  const manifestNamespace = typeof meta.namespace === 'string' ? meta.namespace : undefined
  if (!resource) {
    return {
      ok: false,
      error: `error: resource mapping not found for name: "${name}" namespace: "${manifestNamespace ?? ''}" from "${req.source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
      path: 'kind',
    }
  }
  const verb = 'creating'
  const decodeErrors = strictDecode(m)
  if (decodeErrors.length > 0) {
    return {
      ok: false,
      error: `Error from server (BadRequest): error when ${verb} "${req.source}": ${kind} in version "${resource.version}" cannot be handled as a ${kind}: ${decodeErrors[0].message}`,
      path: decodeErrors[0].path,
    }
  }

  let namespace: string | undefined
  if (resource.namespaced) {
    if (req.namespace && manifestNamespace && req.namespace !== manifestNamespace) {
      return {
        ok: false,
        error: `error: the namespace from the provided object "${manifestNamespace}" does not match the namespace "${req.namespace}". You must pass '--namespace=${manifestNamespace}' to perform this operation.`,
        path: 'metadata.namespace',
      }
    }
    namespace = manifestNamespace ?? req.namespace ?? 'default'
    if (!ctx.store.get('Namespace', undefined, namespace)) {
      return { ok: false, error: `Error from server (NotFound): error when ${verb} "${req.source}": namespaces "${namespace}" not found`, path: 'metadata.namespace' }
    }
  }

  const existing = name ? ctx.store.get(kind, namespace, name) : undefined
  if (existing && req.mode === 'create') {
    return { ok: false, error: `Error from server (AlreadyExists): error when creating "${req.source}": ${qualifiedPlural(resource)} "${name}" already exists`, path: 'metadata.name' }
  }

  const config = (resource.simulated ? dropNulls(m) : structuredClone(m)) as Record<string, unknown>
  const lastApplied = JSON.stringify(withoutLastApplied(config)) + '\n'
  if (existing && existing.metadata.annotations?.[LAST_APPLIED] === lastApplied) {
    return { ok: true, resource, name, action: 'unchanged', warnings: [] }
  }

  const previousConfig = existing?.metadata.annotations?.[LAST_APPLIED]
  const candidate = (existing
    ? threeWayMerge(previousConfig ? JSON.parse(previousConfig) : {}, config, structuredClone(existing))
    : config) as KubeObject
  candidate.apiVersion = apiVersion
  candidate.metadata = { ...(candidate.metadata ?? {}), name, ...(namespace ? { namespace } : {}) } as KubeObject['metadata']
  if (req.mode === 'apply') candidate.metadata.annotations = { ...(candidate.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied }
  candidate.spec ??= resource.kind === 'Pod' || resource.kind === 'Deployment' || resource.kind === 'ReplicaSet' ? {} : undefined
  if (candidate.spec === undefined) delete candidate.spec

  applyDefaults(candidate, !existing, { randomSuffix: () => ctx.rng.string(NAME_ALPHABET, 5), rng: ctx.rng, store: ctx.store })
  const fieldErrors = validateObject(candidate)
  if (existing) fieldErrors.push(...immutableFieldErrors(existing, candidate))
  if (fieldErrors.length > 0) {
    const patchVerb = existing ? 'applying patch' : 'creating'
    return {
      ok: false,
      error: `Error from server (Invalid): error when ${patchVerb} "${req.source}": ${invalidMessage(kind, name, fieldErrors)}`,
      path: fieldErrors[0].path,
    }
  }

  const warnings = resource.simulated ? [] : [`Warning: kubesim stores ${kind} objects but does not simulate them yet`]
  if (existing && req.mode === 'apply' && previousConfig === undefined) {
    warnings.unshift(
      `Warning: resource ${resource.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    )
  }
  if (!existing) {
    ctx.store.create(candidate)
    return { ok: true, resource, name, action: 'created', warnings }
  }
  const specChanged = JSON.stringify(existing.spec) !== JSON.stringify(candidate.spec)
  Object.assign(existing, candidate, { metadata: { ...existing.metadata, labels: candidate.metadata.labels, annotations: candidate.metadata.annotations } })
  if (!candidate.metadata.labels) delete existing.metadata.labels
  ctx.store.update(existing, { specChanged })
  return { ok: true, resource, name, action: 'configured', warnings }
}

function withoutLastApplied(config: Record<string, unknown>): Record<string, unknown> {
  const meta = config.metadata as { annotations?: Record<string, string> } | undefined
  if (meta?.annotations?.[LAST_APPLIED]) {
    delete meta.annotations[LAST_APPLIED]
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations
  }
  return config
}

/** Fields the API server refuses to change on an existing object. */
function immutableFieldErrors(live: KubeObject, next: KubeObject) {
  const errs = []
  if (live.kind === 'Deployment' || live.kind === 'ReplicaSet') {
    const before = (live.spec as { selector?: unknown }).selector
    const after = (next.spec as { selector?: unknown }).selector
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      errs.push({ path: 'spec.selector', type: 'Invalid value' as const, value: after, detail: 'field is immutable' })
    }
  }
  if (live.kind === 'Pod') {
    const strip = (p: Pod) => JSON.stringify({ ...p.spec, nodeName: undefined, containers: p.spec.containers.map((c) => ({ ...c, image: undefined })), tolerations: undefined })
    if (strip(live as Pod) !== strip(next as Pod)) {
      errs.push({
        path: 'spec',
        type: 'Forbidden' as const,
        detail:
          'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      })
    }
  }
  return errs
}

/** `deployment.apps/web created`, as kubectl prints an apply result. */
export function describeApplyResult(resource: ResourceType, name: string, action: string): string {
  return `${qualifiedSingular(resource)}/${name} ${action}`
}
