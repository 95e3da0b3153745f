import { looseShape } from '../admission/decodeShapes.ts'
import { dropNulls, strictDecode } from '../admission/strictDecoding.ts'
import type { EngineContext } from '../context.ts'
import { kindModule } from '../kinds/registry.ts'
import { ApiError } from './errors.ts'
import { qualifiedPlural, qualifiedSingular, resourceForManifest, type ResourceType } from './resources.ts'
import { threeWayMerge } from './threeWayMerge.ts'
import { goJson } from '../util/goJson.ts'
import type { KubeObject } from './types.ts'

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
 * `kubectl apply` / `kubectl create` for one document: resolve the kind, decode
 * strictly (the server's first step, done here so the error can name the file), then
 * create, or three-way merge into the live object and update. Defaulting, admission
 * and validation are the API server's.
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
  const module = kindModule(kind)!
  const decodeErrors = strictDecode(m, module.shape ?? looseShape(kind))
  if (decodeErrors.length > 0) {
    return {
      ok: false,
      error: `Error from server (BadRequest): error when creating "${req.source}": ${kind} in version "${resource.version}" cannot be handled as a ${kind}: ${decodeErrors[0].message}`,
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
  }

  const existing = name ? ctx.store.get(kind, namespace, name) : undefined
  if (existing && req.mode === 'create') {
    return { ok: false, error: `Error from server (AlreadyExists): error when creating "${req.source}": ${qualifiedPlural(resource)} "${name}" already exists`, path: 'metadata.name' }
  }

  const config = (module.shape ? dropNulls(m) : structuredClone(m)) as Record<string, unknown>
  const lastApplied = lastAppliedConfiguration(config, namespace)
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

  const warnings = module.simulated ? [] : [`Warning: kubesim stores ${kind} objects but does not simulate them yet`]
  if (existing && req.mode === 'apply' && previousConfig === undefined) {
    warnings.unshift(
      `Warning: resource ${resource.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    )
  }
  try {
    if (!existing) {
      ctx.api.create(candidate)
      return { ok: true, resource, name, action: 'created', warnings }
    }
    // The merged object carries the live resourceVersion: a conflicting write in between is refused.
    ctx.api.update(candidate)
    return { ok: true, resource, name, action: 'configured', warnings }
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    const doing = existing ? 'applying patch' : 'creating'
    return { ok: false, error: e.printed(`error when ${doing} "${req.source}"`), path: e.path }
  }
}

/**
 * The annotation as kubectl writes it (GetModifiedConfiguration): the object as sent,
 * with the namespace kubectl filled in and its own annotation taken out (leaving
 * `"annotations":{}`), encoded by encoding/json: sorted keys, a closing newline.
 */
function lastAppliedConfiguration(config: Record<string, unknown>, namespace: string | undefined): string {
  const meta = { ...(config.metadata as Record<string, unknown>) }
  const annotations = { ...((meta.annotations as Record<string, string> | undefined) ?? {}) }
  delete annotations[LAST_APPLIED]
  meta.annotations = annotations
  if (namespace) meta.namespace = namespace
  return goJson({ ...config, metadata: meta }, false) + '\n'
}

/** `deployment.apps/web created`, as kubectl prints an apply result. */
export function describeApplyResult(resource: ResourceType, name: string, action: string): string {
  return `${qualifiedSingular(resource)}/${name} ${action}`
}
