import type { WatchEventType } from '../../api/store.ts'
import type { Container, KubeObject, Pod, Volume } from '../../api/types.ts'
import type { EngineContext } from '../../context.ts'
import type { ScheduledTask } from '../../eventQueue.ts'
import type { ContainerRuntime } from '../podRuntime.ts'
import { FileStore } from './fileStore.ts'
import { claimedVolume, persistentVolumeData, unprocessedClaimsMessage } from './persistentVolumeClaims.ts'
import { isProjection, projectVolume, sourcesOf, type NodeAllocatable, type SourceLookup, type VolumeFiles } from './projection.ts'

/**
 * How long a changed ConfigMap or Secret takes to reach the files of a running pod. The
 * kubelet rewrites a pod's projected volumes when it syncs the pod, which it does every
 * syncFrequency (1 minute); its watch-based cache is already current by then. kubesim
 * syncs each pod every minute counted from when its volumes were set up, so a change is
 * in the files at the pod's next sync: within 60 s, the same for every run of a script.
 */
export const VOLUME_SYNC_PERIOD_MS = 60_000

interface VolumeMount {
  name: string
  mountPath: string
  subPath?: string
  readOnly?: boolean
}

/** What a container started with that does not follow later changes: subPath files and its environment's sources. */
interface ContainerSnapshot {
  /** subPath mounts of configMap/secret/projected volumes: copied once, at container start. */
  frozenFiles: Map<string, string>
  /** The ConfigMaps and Secrets its env and envFrom read when it started, by `Kind/namespace/name`. */
  envSources: Map<string, KubeObject | undefined>
}

interface MountedPod {
  uid: string
  namespace: string
  name: string
  mountedAtMs: number
  projections: Map<string, VolumeFiles>
  /** Index keys (`Kind/namespace/name`) of the objects its projections read. */
  sourceKeys: string[]
  refresh?: ScheduledTask
  /** The labels and annotations its downward API files were written from. */
  metadataSeen: string
  emptyDirs: Map<string, FileStore>
  containers: Map<string, ContainerSnapshot>
}

/** What a container sees of its volumes, for `kubectl exec`. */
export interface ContainerVolumes {
  /** Files under its mount points, by absolute path. */
  files: Map<string, string>
  /** Mount points whose whole content kubesim knows (so a missing file there is really missing). */
  knownDirs: string[]
  /** Mount points of writable volumes: files its command writes there live in the volume. */
  writableMounts: string[]
  /** The ConfigMaps and Secrets as its environment saw them when it started. */
  envSource: SourceLookup
}

const sourceKey = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`

function mountsOf(container: Container | undefined): VolumeMount[] {
  return ((container?.volumeMounts as VolumeMount[] | undefined) ?? []).filter((m) => m && typeof m.mountPath === 'string')
}

function joinPath(...parts: (string | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join('/')
    .split('/')
    .filter((s) => s && s !== '.')
    .join('/')
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path
}

/**
 * One node's volume manager: sets up a pod's volumes before its sandbox starts (or says
 * why it cannot), keeps configMap/secret/projected volumes in step with their sources at
 * each pod sync, and holds what containers write to emptyDir (per pod), hostPath (per
 * node) and PersistentVolumes (per cluster).
 */
export class VolumeManager {
  private mounted = new Map<string, MountedPod>()
  /** `Kind/namespace/name` → uids of pods whose volumes read that object. */
  private bySource = new Map<string, Set<string>>()
  /** The node's own filesystem, for hostPath volumes: paths relative to `/`. */
  private readonly hostFiles = new FileStore()

  constructor(
    private readonly ctx: EngineContext,
    private readonly nodeName: string,
    /** Is the kubelet running? A stopped (or removed) node's pods are not synced. */
    private readonly online: () => boolean = () => true,
  ) {
    ctx.store.watch((type, obj) => this.sourceChanged(type, obj), ['ConfigMap', 'Secret'])
  }

  private get host() {
    return { component: 'kubelet', host: this.nodeName }
  }

  private lookup: SourceLookup = (kind, namespace, name) => this.ctx.store.get(kind, namespace, name)

  /** The node's allocatable, for downward API files of limits a container leaves unset. */
  private allocatable(): NodeAllocatable {
    const node = this.ctx.store.get('Node', undefined, this.nodeName)
    return (node?.status as { allocatable?: NodeAllocatable } | undefined)?.allocatable
  }

  /**
   * MountVolume.SetUp for every volume of the pod. True when all are ready; otherwise the
   * FailedMount events are recorded and the pod must wait (the caller retries).
   */
  setUp(pod: Pod): boolean {
    const namespace = pod.metadata.namespace ?? 'default'
    const nowSeconds = Math.floor(this.ctx.clock.now / 1000)
    const projections = new Map<string, VolumeFiles>()
    const failures: { volume: string; message: string }[] = []
    const claims: { volume: string; error: string }[] = []
    for (const volume of (pod.spec.volumes ?? []) as Volume[]) {
      if (isProjection(volume)) {
        const result = projectVolume(volume, pod, this.lookup, nowSeconds, this.allocatable())
        if ('error' in result) failures.push({ volume: volume.name, message: result.error })
        else projections.set(volume.name, result.files)
      }
      const claim = claimedVolume(volume, pod, this.ctx.store)
      if (claim && 'error' in claim) claims.push({ volume: volume.name, error: claim.error })
    }
    for (const f of failures) this.ctx.recorder.warning(pod, this.host, 'FailedMount', `MountVolume.SetUp failed for volume "${f.volume}" : ${f.message}`)
    if (claims.length) this.ctx.recorder.warning(pod, this.host, 'FailedMount', unprocessedClaimsMessage(claims))
    if (failures.length || claims.length) return false

    const uid = pod.metadata.uid
    const previous = this.mounted.get(uid)
    const sourceKeys = [...new Set(((pod.spec.volumes ?? []) as Volume[]).flatMap((v) => sourcesOf(v).map((s) => sourceKey(s.kind, namespace, s.name))))]
    this.unindex(uid)
    previous?.refresh?.cancel()
    this.mounted.set(uid, {
      uid,
      namespace,
      name: pod.metadata.name,
      mountedAtMs: this.ctx.clock.now,
      projections,
      sourceKeys,
      metadataSeen: metadataOf(pod),
      // A pod's emptyDirs outlive a resync of the same pod.
      emptyDirs: previous?.emptyDirs ?? new Map(),
      containers: previous?.containers ?? new Map(),
    })
    for (const key of sourceKeys) {
      let uids = this.bySource.get(key)
      if (!uids) this.bySource.set(key, (uids = new Set()))
      uids.add(uid)
    }
    return true
  }

  /**
   * A container started: its subPath files and environment sources are fixed for this
   * run, and the files its command will write under writable mounts go to their volumes.
   */
  containerStarted(pod: Pod, c: Readonly<ContainerRuntime>): void {
    const mounted = this.mounted.get(pod.metadata.uid)
    if (!mounted) return
    const spec = pod.spec.containers.find((s) => s.name === c.name)
    const frozenFiles = new Map<string, string>()
    for (const m of mountsOf(spec)) {
      if (!m.subPath) continue
      const files = mounted.projections.get(m.name)
      if (!files) continue
      const sub = joinPath(m.subPath)
      for (const [rel, f] of files) {
        if (rel === sub) frozenFiles.set(trimSlash(m.mountPath), f.content)
        else if (rel.startsWith(sub + '/')) frozenFiles.set(`${trimSlash(m.mountPath)}/${rel.slice(sub.length + 1)}`, f.content)
      }
    }
    const envSources = new Map<string, KubeObject | undefined>()
    for (const { kind, name } of envReferences(spec)) envSources.set(sourceKey(kind, mounted.namespace, name), this.ctx.store.get(kind, mounted.namespace, name))
    mounted.containers.set(c.name, { frozenFiles, envSources })

    const startedAt = c.startedAtMs ?? this.ctx.clock.now
    for (const f of c.plan?.files ?? []) {
      const target = this.writableTarget(pod, spec, f.path)
      if (!target) continue
      const untilMs = f.until === undefined ? undefined : startedAt + f.until
      target.store.add([{ path: target.path, content: f.content ?? '', fromMs: startedAt + f.from, untilMs, ...(f.bytes !== undefined ? { bytes: f.bytes } : {}) }], this.ctx.clock.now)
    }
  }

  /** The pod is gone from the node: its emptyDirs and mounts go with it. */
  podRemoved(uid: string): void {
    const mounted = this.mounted.get(uid)
    if (!mounted) return
    mounted.refresh?.cancel()
    this.unindex(uid)
    this.mounted.delete(uid)
  }

  /** What the container sees of its volumes now. */
  view(pod: Pod, containerName: string): ContainerVolumes {
    const now = this.ctx.clock.now
    const mounted = this.mounted.get(pod.metadata.uid)
    const spec = pod.spec.containers.find((s) => s.name === containerName)
    const snapshot = mounted?.containers.get(containerName)
    const files = new Map<string, string>()
    const knownDirs: string[] = []
    const writableMounts: string[] = []
    // Deeper mounts cover shallower ones.
    const mounts = mountsOf(spec).sort((a, b) => trimSlash(a.mountPath).length - trimSlash(b.mountPath).length)
    for (const m of mounts) {
      const mountPath = trimSlash(m.mountPath)
      const sub = joinPath(m.subPath)
      const under = (rel: string) => (sub ? (rel === sub ? '' : rel.startsWith(sub + '/') ? rel.slice(sub.length + 1) : undefined) : rel)
      const at = (rel: string) => (rel ? (mountPath === '/' ? `/${rel}` : `${mountPath}/${rel}`) : mountPath)
      const projection = mounted?.projections.get(m.name)
      if (projection) {
        if (m.subPath) {
          for (const [path, content] of snapshot?.frozenFiles ?? []) if (path === mountPath || path.startsWith(mountPath + '/')) files.set(path, content)
        } else {
          knownDirs.push(mountPath)
          for (const [rel, f] of projection) files.set(at(rel), f.content)
        }
        continue
      }
      const writable = this.writableStore(pod, m.name)
      if (!writable) continue
      if (!m.subPath || [...writable.store.filesAt(now).keys()].some((p) => under(p) !== undefined)) knownDirs.push(mountPath)
      if (!m.readOnly) writableMounts.push(mountPath)
      for (const [path, content] of writable.store.filesAt(now)) {
        const inVolume = writable.root ? (path.startsWith(writable.root + '/') ? path.slice(writable.root.length + 1) : undefined) : path
        const rel = inVolume === undefined ? undefined : under(inVolume)
        if (rel) files.set(at(rel), content)
      }
    }
    const envSources = snapshot?.envSources ?? new Map()
    const envSource: SourceLookup = (kind, namespace, name) => {
      const key = sourceKey(kind, namespace, name)
      return envSources.has(key) ? envSources.get(key) : this.lookup(kind, namespace, name)
    }
    return { files, knownDirs, writableMounts, envSource }
  }

  /** Bytes held by the pod's `medium: Memory` emptyDirs at `atMs` (tmpfs: counted against the pod's memory). */
  memoryBackedEmptyDirBytes(pod: Pod, atMs = this.ctx.clock.now): number {
    let total = 0
    for (const store of this.memoryBackedEmptyDirs(pod)) total += store.bytesAt(atMs)
    return total
  }

  /** When what the pod's `medium: Memory` emptyDirs hold changes after `afterMs` (files written or removed later). */
  memoryBackedEmptyDirChangesAfter(pod: Pod, afterMs: number): number[] {
    return this.memoryBackedEmptyDirs(pod).flatMap((store) => store.changesAfter(afterMs))
  }

  private memoryBackedEmptyDirs(pod: Pod): FileStore[] {
    const mounted = this.mounted.get(pod.metadata.uid)
    if (!mounted) return []
    const stores: FileStore[] = []
    for (const v of (pod.spec.volumes ?? []) as Volume[]) {
      const store = (v.emptyDir as { medium?: string } | undefined)?.medium === 'Memory' ? mounted.emptyDirs.get(v.name) : undefined
      if (store) stores.push(store)
    }
    return stores
  }

  /** The store behind a writable volume, and the folder in it the volume is (hostPath: its path on the node). */
  private writableStore(pod: Pod, volumeName: string): { store: FileStore; root: string } | undefined {
    const volume = ((pod.spec.volumes ?? []) as Volume[]).find((v) => v.name === volumeName)
    const mounted = this.mounted.get(pod.metadata.uid)
    if (!volume || !mounted) return undefined
    if (volume.emptyDir !== undefined) {
      let store = mounted.emptyDirs.get(volume.name)
      if (!store) mounted.emptyDirs.set(volume.name, (store = new FileStore()))
      return { store, root: '' }
    }
    const hostPath = volume.hostPath as { path?: string } | undefined
    if (hostPath?.path) return { store: this.hostFiles, root: joinPath(hostPath.path) }
    const claim = claimedVolume(volume, pod, this.ctx.store)
    if (claim && 'pvName' in claim) return { store: persistentVolumeData(this.ctx.store, claim.pvName, () => new FileStore()), root: '' }
    return undefined
  }

  /** Where a file the container writes at `path` lands, if under a writable mount. */
  private writableTarget(pod: Pod, spec: Container | undefined, path: string): { store: FileStore; path: string } | undefined {
    const mount = mountsOf(spec)
      .filter((m) => !m.readOnly && (path.startsWith(trimSlash(m.mountPath) + '/') || trimSlash(m.mountPath) === '/'))
      .sort((a, b) => b.mountPath.length - a.mountPath.length)[0]
    if (!mount) return undefined
    const writable = this.writableStore(pod, mount.name)
    if (!writable) return undefined
    const rel = path.slice(trimSlash(mount.mountPath).length)
    return { store: writable.store, path: joinPath(writable.root, mount.subPath, rel) }
  }

  private unindex(uid: string): void {
    for (const key of this.mounted.get(uid)?.sourceKeys ?? []) {
      const uids = this.bySource.get(key)
      uids?.delete(uid)
      if (uids?.size === 0) this.bySource.delete(key)
    }
  }

  /** A ConfigMap or Secret changed: pods that mount it pick it up at their next sync. */
  private sourceChanged(_type: WatchEventType, obj: KubeObject): void {
    const uids = this.bySource.get(sourceKey(obj.kind, obj.metadata.namespace ?? 'default', obj.metadata.name))
    for (const uid of uids ?? []) this.refreshAtNextSync(uid)
  }

  /** The pod changed: new labels or annotations reach its downward API files at its next sync. */
  podChanged(pod: Pod): void {
    const mounted = this.mounted.get(pod.metadata.uid)
    if (!mounted || mounted.metadataSeen === metadataOf(pod)) return
    if (((pod.spec.volumes ?? []) as Volume[]).some(readsDownwardAPI)) this.refreshAtNextSync(pod.metadata.uid)
  }

  private refreshAtNextSync(uid: string): void {
    const mounted = this.mounted.get(uid)
    if (!mounted || mounted.refresh) return
    const now = this.ctx.clock.now
    const nextSync = mounted.mountedAtMs + (Math.floor((now - mounted.mountedAtMs) / VOLUME_SYNC_PERIOD_MS) + 1) * VOLUME_SYNC_PERIOD_MS
    mounted.refresh = this.ctx.after(nextSync - now, `kubelet ${this.nodeName}: sync volumes ${mounted.name}`, () => this.refresh(mounted))
  }

  /** The pod's sync rewrites its projected volumes from the objects as they are now. */
  private refresh(mounted: MountedPod): void {
    mounted.refresh = undefined
    // A kubelet that is down does not sync; kubesim picks up the next change after it is back.
    if (!this.online()) return
    const pod = this.ctx.store.get<Pod>('Pod', mounted.namespace, mounted.name)
    if (!pod || pod.metadata.uid !== mounted.uid || this.mounted.get(mounted.uid) !== mounted) return
    const nowSeconds = Math.floor(this.ctx.clock.now / 1000)
    mounted.metadataSeen = metadataOf(pod)
    for (const volume of (pod.spec.volumes ?? []) as Volume[]) {
      if (!isProjection(volume)) continue
      // The service account token is rotated on its own schedule (at 80% of its life), not at every sync.
      const token = mounted.projections.get(volume.name)?.get('token')
      const result = projectVolume(volume, pod, this.lookup, nowSeconds, this.allocatable())
      // A source deleted meanwhile: the update fails and the files stay as they were.
      if ('error' in result) this.ctx.recorder.warning(pod, this.host, 'FailedMount', `MountVolume.SetUp failed for volume "${volume.name}" : ${result.error}`)
      else {
        if (token && result.files.has('token')) result.files.set('token', token)
        mounted.projections.set(volume.name, result.files)
      }
    }
  }
}

function metadataOf(pod: Pod): string {
  return JSON.stringify([pod.metadata.labels ?? {}, pod.metadata.annotations ?? {}])
}

/** Does the volume write downward API files (alone or among projected sources)? */
function readsDownwardAPI(volume: Volume): boolean {
  return !!volume.downwardAPI || !!(volume.projected as { sources?: { downwardAPI?: unknown }[] } | undefined)?.sources?.some((s) => s.downwardAPI)
}

/** The ConfigMaps and Secrets a container's env and envFrom name. */
function envReferences(container: Container | undefined): { kind: 'ConfigMap' | 'Secret'; name: string }[] {
  const out: { kind: 'ConfigMap' | 'Secret'; name: string }[] = []
  for (const env of container?.env ?? []) {
    const from = env.valueFrom as { configMapKeyRef?: { name?: string }; secretKeyRef?: { name?: string } } | undefined
    if (from?.configMapKeyRef?.name) out.push({ kind: 'ConfigMap', name: from.configMapKeyRef.name })
    if (from?.secretKeyRef?.name) out.push({ kind: 'Secret', name: from.secretKeyRef.name })
  }
  for (const from of (container?.envFrom as { configMapRef?: { name?: string }; secretRef?: { name?: string } }[] | undefined) ?? []) {
    if (from.configMapRef?.name) out.push({ kind: 'ConfigMap', name: from.configMapRef.name })
    if (from.secretRef?.name) out.push({ kind: 'Secret', name: from.secretRef.name })
  }
  return out
}
