import type { Node, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { EventSource } from '../events.ts'
import { imageDigest, lookupImage, parseImageReference, type ImageReference } from '../images/reference.ts'
import { goDuration } from '../util/duration.ts'
import { Backoff } from './backoff.ts'
import { podKeyOf, type ContainerRuntime, type PodRuntime } from './podRuntime.ts'

/** A failed pull is reported after the registry answers. */
const PULL_FAILURE_MS = 800
/** The pod worker's next sync after a failed pull is where it enters image pull back-off. */
const SYNC_AFTER_PULL_FAILURE_MS = 1_000
/** The kubelet reports this many images in node status at most. */
const NODE_STATUS_MAX_IMAGES = 50
/** A re-pull of an image already on the node (`imagePullPolicy: Always`) only checks the digest. */
const REPULL_MS = 400

export interface ImageManagerHost {
  ctx: EngineContext
  nodeName: string
  source: EventSource
  /** The pod as the API has it now, or undefined once it is gone or being deleted. */
  livePod(runtime: PodRuntime): Pod | undefined
  online(): boolean
  publish(runtime: PodRuntime): void
  node(): Node | undefined
}

/**
 * The kubelet's image manager: makes sure a container's image is on the node before the
 * runtime creates it ("already present", a pull shared by concurrent pods, or a failed
 * pull with its ErrImagePull → ImagePullBackOff cycle), and lists pulled images in node status.
 */
export class ImageManager {
  /** Images on this node: name → time the pull finished (or will finish). */
  private images = new Map<string, number>()
  private pullBackoff = new Backoff()

  constructor(private readonly host: ImageManagerHost) {}

  /** Starts the pull step for `c`; `present` runs once the image is on the node (now, or when the pull ends). */
  ensureImage(runtime: PodRuntime, c: ContainerRuntime, pod: Pod, present: () => void): void {
    const { ctx, source } = this.host
    const spec = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((s) => s.name === c.name)!
    const fieldPath = c.fieldPath
    const ref = parseImageReference(c.image)
    if (!ref) {
      const message = `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": invalid reference format`
      c.state = { waiting: { reason: 'InvalidImageName', message } }
      c.operation = 'stuck'
      ctx.recorder.warning(pod, source, 'InspectFailed', message, fieldPath)
      ctx.recorder.warning(pod, source, 'Failed', 'Error: InvalidImageName', fieldPath)
      this.host.publish(runtime)
      return
    }
    c.ref = ref
    const policy = spec.imagePullPolicy ?? (ref.tag === 'latest' ? 'Always' : 'IfNotPresent')
    const readyAt = this.images.get(ref.fullName)
    const now = ctx.clock.now
    if (policy !== 'Always' && readyAt !== undefined && readyAt <= now) {
      ctx.recorder.normal(pod, source, 'Pulled', `Container image "${c.image}" already present on machine`, fieldPath)
      c.imageSpec = lookupImage(ref)
      present()
      return
    }
    ctx.recorder.normal(pod, source, 'Pulling', `Pulling image "${c.image}"`, fieldPath)
    c.operation = 'pulling'
    const found = lookupImage(ref)
    // A Windows-only image has no manifest for these linux/amd64 nodes.
    const image = found?.platform === 'windows' ? undefined : found
    const key = `${runtime.uid}/${c.name}`
    const label = `kubelet ${this.host.nodeName}`
    if (!image) {
      c.timer = ctx.after(PULL_FAILURE_MS, `${label}: pull failed ${c.image}`, () => {
        const p = this.host.livePod(runtime)
        if (!p) return
        const detail = found
          ? `failed to pull and unpack image "${ref.fullName}": no match for platform in manifest: not found`
          : `failed to pull and unpack image "${ref.fullName}": failed to resolve reference "${ref.fullName}": ${ref.fullName}: not found`
        c.state = { waiting: { reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = ${detail}` } }
        ctx.recorder.warning(p, source, 'Failed', `Failed to pull image "${c.image}": rpc error: code = NotFound desc = ${detail}`, fieldPath)
        ctx.recorder.warning(p, source, 'Failed', 'Error: ErrImagePull', fieldPath)
        this.host.publish(runtime)
        // On its next sync the kubelet enters image pull back-off, then retries.
        c.timer = ctx.after(SYNC_AFTER_PULL_FAILURE_MS, `${label}: pull backoff ${c.image}`, () => {
          const p2 = this.host.livePod(runtime)
          if (!p2) return
          this.pullBackoff.next(key)
          const delay = this.pullBackoff.current(key)!
          c.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } }
          ctx.recorder.normal(p2, source, 'BackOff', `Back-off pulling image "${c.image}"`, fieldPath)
          ctx.recorder.warning(p2, source, 'Failed', 'Error: ImagePullBackOff', fieldPath)
          this.host.publish(runtime)
          ctx.countdowns.set({ kind: 'pullRetry', object: podKeyOf(runtime), container: c.name, atMs: ctx.clock.now + delay })
          c.timer = ctx.after(delay, `${label}: retry pull ${c.image}`, () => {
            ctx.countdowns.clear(podKeyOf(runtime), 'pullRetry', c.name)
            const p3 = this.host.livePod(runtime)
            if (p3 && this.host.online()) this.ensureImage(runtime, c, p3, present)
          })
        })
      })
      return
    }
    // Concurrent pulls of one image on one node share the download.
    const pullMs = readyAt !== undefined && readyAt > now ? readyAt - now : policy === 'Always' && readyAt !== undefined ? REPULL_MS : image.pullMs
    this.images.set(ref.fullName, now + pullMs)
    c.timer = ctx.after(pullMs, `${label}: pulled ${c.image}`, () => {
      const p = this.host.livePod(runtime)
      if (!p) return
      this.pullBackoff.reset(key)
      const took = goDuration(pullMs)
      ctx.recorder.normal(p, source, 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${image.sizeBytes} bytes.`, fieldPath)
      c.imageSpec = image
      this.recordNodeImage(ref, image.sizeBytes)
      present()
    })
  }

  /**
   * Node status lists the images on the node as the kubelet's image setter reports them:
   * by repo digest and tag, largest first, at most 50 (nodeStatusMaxImages).
   */
  private recordNodeImage(ref: ImageReference, sizeBytes: number): void {
    const node = this.host.node()
    if (!node) return
    const images = node.status.images ?? []
    if (images.some((i) => i.names.includes(ref.fullName))) return
    const listed = [...images, { names: [imageDigest(ref), ref.fullName], sizeBytes }].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, NODE_STATUS_MAX_IMAGES)
    this.host.ctx.api.updateStatus(node, { ...node.status, images: listed })
  }

  forget(runtime: PodRuntime): void {
    for (const c of [...runtime.initContainers, ...runtime.containers]) this.pullBackoff.reset(`${runtime.uid}/${c.name}`)
  }
}
