import type { KubeObject, Pod, Volume } from '../../api/types.ts'
import { containerResourceValue, selectedContainer, type ResourceFieldSelector } from '../../util/containerResourceValue.ts'
import { downwardFieldContent } from './downwardAPI.ts'
import { serviceAccountToken } from './serviceAccountToken.ts'
import { sourceData } from './sourceData.ts'

/**
 * The files of the volumes the kubelet writes from API objects: configMap, secret,
 * downwardAPI and projected (pkg/volume/{configmap,secret,downwardapi,projected}
 * MakePayload). Each volume is a directory of files, by path relative to the mount.
 */

/** One file of a volume: its content and permission bits (0644 = 420 unless `mode`/`defaultMode` say otherwise). */
export interface VolumeFile {
  content: string
  mode: number
}

export type VolumeFiles = Map<string, VolumeFile>

/** The objects a projection reads, by kind, namespace and name. */
export type SourceLookup = (kind: 'ConfigMap' | 'Secret', namespace: string, name: string) => KubeObject | undefined

/** The objects a volume reads: a change to one of them is a reason to refresh the volume. */
export interface SourceRef {
  kind: 'ConfigMap' | 'Secret'
  name: string
}

const DEFAULT_MODE = 0o644

interface KeyToPath {
  key: string
  path: string
  mode?: number
}
interface ObjectSource {
  name?: string
  secretName?: string
  items?: KeyToPath[]
  optional?: boolean
  defaultMode?: number
}
interface DownwardItem {
  path: string
  fieldRef?: { fieldPath?: string }
  resourceFieldRef?: ResourceFieldSelector
  mode?: number
}

/** The node's status.allocatable: what a `resourceFieldRef` to an unset limit reads. */
export type NodeAllocatable = Record<string, string | number | undefined> | undefined
interface ProjectedSource {
  configMap?: ObjectSource
  secret?: ObjectSource
  downwardAPI?: { items?: DownwardItem[] }
  serviceAccountToken?: { path: string; expirationSeconds?: number }
}

/** Is this a volume the kubelet fills from API objects (and refreshes when they change)? */
export function isProjection(volume: Volume): boolean {
  return !!(volume.configMap || volume.secret || volume.downwardAPI || volume.projected)
}

/** The ConfigMaps and Secrets a volume reads. */
export function sourcesOf(volume: Volume): SourceRef[] {
  const out: SourceRef[] = []
  const configMap = volume.configMap as ObjectSource | undefined
  const secret = volume.secret as ObjectSource | undefined
  if (configMap?.name) out.push({ kind: 'ConfigMap', name: configMap.name })
  if (secret?.secretName) out.push({ kind: 'Secret', name: secret.secretName })
  for (const s of ((volume.projected as { sources?: ProjectedSource[] } | undefined)?.sources ?? [])) {
    if (s.configMap?.name) out.push({ kind: 'ConfigMap', name: s.configMap.name })
    if (s.secret?.name) out.push({ kind: 'Secret', name: s.secret.name })
  }
  return out
}

/** Adds one object's keys (all, or the `items`) to `files`; the error the kubelet gives, if any. */
function addObject(files: VolumeFiles, kind: 'ConfigMap' | 'Secret', name: string, source: ObjectSource, defaultMode: number, lookup: SourceLookup, namespace: string): string | undefined {
  const obj = lookup(kind, namespace, name)
  const lower = kind.toLowerCase()
  if (!obj) return source.optional ? undefined : `${lower} "${name}" not found`
  const data = sourceData(obj)
  if (!source.items?.length) {
    for (const [key, content] of data) files.set(key, { content, mode: defaultMode })
    return undefined
  }
  for (const item of source.items) {
    const content = data.get(item.key)
    if (content === undefined) {
      if (source.optional) continue
      return kind === 'ConfigMap' ? `configmap references non-existent config key: ${item.key}` : `references non-existent secret key: ${item.key}`
    }
    files.set(item.path, { content, mode: item.mode ?? defaultMode })
  }
  return undefined
}

function resourceContent(pod: Pod, selector: ResourceFieldSelector, allocatable: NodeAllocatable): string | undefined {
  const container = selectedContainer(pod, selector)
  return container ? containerResourceValue(selector, container, allocatable) : undefined
}

function addDownward(files: VolumeFiles, items: DownwardItem[], defaultMode: number, pod: Pod, allocatable: NodeAllocatable): void {
  for (const item of items) {
    const content = item.fieldRef?.fieldPath
      ? downwardFieldContent(pod, item.fieldRef.fieldPath)
      : item.resourceFieldRef
        ? resourceContent(pod, item.resourceFieldRef, allocatable)
        : undefined
    if (content !== undefined) files.set(item.path, { content, mode: item.mode ?? defaultMode })
  }
}

/**
 * The files of a configMap, secret, downwardAPI or projected volume for `pod` now, or
 * the error of MountVolume.SetUp (`configmap "x" not found`). `nowSeconds` dates a
 * projected service account token; `allocatable` is the node's, for `resourceFieldRef`
 * items naming a limit the container does not set.
 */
export function projectVolume(volume: Volume, pod: Pod, lookup: SourceLookup, nowSeconds: number, allocatable?: NodeAllocatable): { files: VolumeFiles } | { error: string } {
  const namespace = pod.metadata.namespace ?? 'default'
  const files: VolumeFiles = new Map()
  const configMap = volume.configMap as ObjectSource | undefined
  const secret = volume.secret as ObjectSource | undefined
  const downward = volume.downwardAPI as { items?: DownwardItem[]; defaultMode?: number } | undefined
  const projected = volume.projected as { sources?: ProjectedSource[]; defaultMode?: number } | undefined
  let error: string | undefined
  if (configMap) error = addObject(files, 'ConfigMap', configMap.name ?? '', configMap, configMap.defaultMode ?? DEFAULT_MODE, lookup, namespace)
  else if (secret) error = addObject(files, 'Secret', secret.secretName ?? '', secret, secret.defaultMode ?? DEFAULT_MODE, lookup, namespace)
  else if (downward) addDownward(files, downward.items ?? [], downward.defaultMode ?? DEFAULT_MODE, pod, allocatable)
  else if (projected) {
    const mode = projected.defaultMode ?? DEFAULT_MODE
    // Every source is read; the errors are aggregated (utilerrors.NewAggregate: one alone is shown as is).
    const errors: string[] = []
    for (const s of projected.sources ?? []) {
      let e: string | undefined
      if (s.configMap) e = addObject(files, 'ConfigMap', s.configMap.name ?? '', s.configMap, mode, lookup, namespace)
      else if (s.secret) e = addObject(files, 'Secret', s.secret.name ?? '', s.secret, mode, lookup, namespace)
      else if (s.downwardAPI) addDownward(files, s.downwardAPI.items ?? [], mode, pod, allocatable)
      else if (s.serviceAccountToken) files.set(s.serviceAccountToken.path, { content: serviceAccountToken(pod, nowSeconds, s.serviceAccountToken.expirationSeconds), mode })
      if (e) errors.push(e)
    }
    if (errors.length === 1) error = errors[0]
    else if (errors.length > 1) error = `[${errors.join(', ')}]`
  }
  return error ? { error } : { files }
}
