import type { EngineContext } from '../../context.ts'
import { kindModule } from '../../kinds/registry.ts'
import { ApiError } from '../errors.ts'
import { qualifiedPlural } from '../resources.ts'
import type { KubeObject } from '../types.ts'
import { decodePatched } from './decodePatched.ts'
import { goValueText } from './goValueText.ts'
import { deepEqual, jsonPatch } from './jsonPatch.ts'
import { jsonMergePatch } from './jsonMergePatch.ts'
import { PatchError } from './patchError.ts'
import { strategicMergePatch } from './strategicMergePatch.ts'

export type PatchType = 'strategic' | 'merge' | 'json'

export interface PatchRequest {
  kind: string
  namespace: string | undefined
  name: string
  type: PatchType
  /** The patch, already decoded from JSON (kubectl converts YAML to JSON first). */
  patch: unknown
  subresource?: 'status' | 'scale'
  dryRun?: boolean
}

export interface PatchResult {
  /** What the server answers with: the patched object (a Scale for the scale subresource). */
  object: KubeObject
  /** False when the patch left the object as it was (kubectl's `patched (no change)`). */
  changed: boolean
  /** `Warning: unknown field "spec.foo"` lines the server sends back. */
  warnings: string[]
}

/**
 * PATCH: the API server applies the patch to the stored object, decodes the result into
 * the kind's type, and writes it as an update, so defaulting, admission, validation and
 * immutable-field checks all apply. A patch that changes nothing writes nothing.
 */
export function patchResource(ctx: EngineContext, req: PatchRequest): PatchResult {
  const module = kindModule(req.kind)
  if (!module) throw new ApiError('NotFound', 'the server could not find the requested resource')
  const namespace = module.names.namespaced ? req.namespace : undefined
  const current = ctx.store.get(req.kind, namespace, req.name)
  if (!current) throw new ApiError('NotFound', `${qualifiedPlural(module.names)} "${req.name}" not found`)
  if (req.subresource === 'scale') return patchScale(ctx, current, req)

  const patched = applyPatch(req.type, current as unknown as Record<string, unknown>, req.patch, req.kind)
  const warnings: string[] = []
  if (module.shape) {
    const decoded = decodePatched(patched, module.shape)
    if (decoded.error) {
      // The server quotes the patch (strategic) or the patched object (json, merge) it could not decode.
      const value = req.type === 'strategic' ? goValueText(req.patch) : JSON.stringify(patched)
      throw new ApiError('Invalid', decoded.error, 'patch', undefined, { causes: [{ field: 'patch', message: `Invalid value: ${JSON.stringify(value)}: ${decoded.error}` }] })
    }
    warnings.push(...decoded.unknownFields.map((f) => `Warning: unknown field "${f}"`))
  }
  const next = patched as unknown as KubeObject
  // Identity comes from the URL, not the body.
  if (next.kind !== current.kind || next.apiVersion !== current.apiVersion) {
    throw new ApiError('BadRequest', `the API version in the data (${next.apiVersion}) does not match the expected API version (${current.apiVersion})`)
  }
  if (next.metadata?.name !== current.metadata.name) {
    throw new ApiError('BadRequest', `the name of the object (${String(next.metadata?.name)}) does not match the name on the URL (${current.metadata.name})`)
  }
  const subresource = req.subresource === 'status' ? 'status' : undefined
  const result = ctx.api.update(next, { subresource, dryRun: true })
  if (sameContent(result, current)) return { object: current, changed: false, warnings }
  const written = req.dryRun ? result : ctx.api.update(structuredClone(next), { subresource })
  return { object: written, changed: true, warnings }
}

function applyPatch(type: PatchType, current: Record<string, unknown>, patch: unknown, kind: string): Record<string, unknown> {
  try {
    switch (type) {
      case 'json': {
        const out = jsonPatch(current, patch)
        if (typeof out !== 'object' || out === null || Array.isArray(out)) {
          throw new ApiError('Invalid', 'decode', 'patch', undefined, {
            causes: [{ field: 'patch', message: `Invalid value: ${JSON.stringify(JSON.stringify(out))}: json: cannot unmarshal ${Array.isArray(out) ? 'array' : typeof out} into Go value of type map[string]interface {}` }],
          })
        }
        return out as Record<string, unknown>
      }
      case 'merge':
        return jsonMergePatch(current, patch)
      case 'strategic':
        if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
          throw new ApiError('BadRequest', `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : patch === null ? 'null' : typeof patch === 'boolean' ? 'bool' : typeof patch} into Go value of type map[string]interface {}`)
        }
        return strategicMergePatch(current, patch as Record<string, unknown>, kind)
    }
  } catch (e) {
    if (!(e instanceof PatchError)) throw e
    if (e.status === 400) throw new ApiError('BadRequest', e.message)
    // 422 from NewGenericServerResponse: the server's own words, not the patch library's.
    if (e.status === 422) throw new ApiError('Invalid', 'the server rejected our request due to an error in our request', undefined, undefined, {})
    throw new ApiError('Unknown', e.message)
  }
}

/** Equal but for what every write changes. */
function sameContent(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, generation: undefined } })
  return deepEqual(JSON.parse(JSON.stringify(strip(a))), JSON.parse(JSON.stringify(strip(b))))
}

/** The scale subresource: the patch applies to an autoscaling/v1 Scale, whose spec.replicas is written back. */
function patchScale(ctx: EngineContext, current: KubeObject, req: PatchRequest): PatchResult {
  const module = kindModule(req.kind)!
  if (!module.scale) throw new ApiError('NotFound', 'the server could not find the requested resource')
  const replicas = module.scale.get(current)
  const scale = {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name: current.metadata.name, namespace: current.metadata.namespace, uid: current.metadata.uid, resourceVersion: current.metadata.resourceVersion, creationTimestamp: current.metadata.creationTimestamp },
    spec: { replicas },
    status: { replicas },
  }
  const patched = applyPatch(req.type === 'strategic' ? 'merge' : req.type, scale, req.patch, 'Scale') as typeof scale
  const wanted = patched.spec?.replicas
  if (typeof wanted !== 'number' || !Number.isInteger(wanted)) throw new ApiError('BadRequest', `json: cannot unmarshal ${typeof wanted} into Go struct field ScaleSpec.spec.replicas of type int32`)
  if (wanted === replicas) return { object: scale as unknown as KubeObject, changed: false, warnings: [] }
  const draft = structuredClone(current)
  module.scale.set(draft, wanted)
  const written = ctx.api.update(draft, { dryRun: req.dryRun })
  return { object: { ...scale, metadata: { ...scale.metadata, resourceVersion: written.metadata.resourceVersion }, spec: { replicas: wanted } } as unknown as KubeObject, changed: true, warnings: [] }
}
