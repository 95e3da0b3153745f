import type { Container } from '../api/types.ts'
import type { ImageSpec } from '../images/catalog.ts'
import { parseDuration } from '../util/duration.ts'
import { cpuMillis, parseQuantity, quantityValue } from '../util/quantity.ts'

/**
 * What a running container uses, as a formula of how long it has run: no timer per
 * container, so an idle cluster costs nothing and any instant can be read back. The
 * kubelet asks it once at start (when will memory cross the limit?), metrics-server
 * whenever someone reads metrics.
 */

/** Annotations on a pod that script its containers' resource use (every container of the pod). */
export const USAGE_ANNOTATION = {
  /** `250m`: steady CPU use, instead of the image's typical use. */
  cpu: 'sim.kubesim.dev/cpu',
  /** `120Mi`: steady memory use, instead of the image's typical use. */
  memory: 'sim.kubesim.dev/memory',
  /** `20Mi`: memory added every minute the container runs (a leak). */
  memoryGrowth: 'sim.kubesim.dev/memory-growth',
  /** `2m`: a spike this long after the container starts… */
  spikeAt: 'sim.kubesim.dev/spike-at',
  /** …of this much more CPU (`1500m`)… */
  spikeCpu: 'sim.kubesim.dev/spike-cpu',
  /** …and this much more memory (`300Mi`)… */
  spikeMemory: 'sim.kubesim.dev/spike-memory',
  /** …lasting this long (default 30s). */
  spikeDuration: 'sim.kubesim.dev/spike-duration',
} as const

const MI = 1024 * 1024
const DEFAULT_SPIKE_MS = 30_000
/** `stress --vm-bytes` allocates its memory within this long after it starts. */
const ALLOCATION_MS = 200

/** An image's use when it idles and per request it serves, unless the catalog says otherwise. */
export function typicalUse(image: ImageSpec | undefined): { cpuMilli: number; memoryBytes: number; cpuMsPerRequest: number } {
  const idle = image?.defaultBehaviour === 'serve' ? { cpuMilli: 1, memoryBytes: 8 * MI } : { cpuMilli: 0, memoryBytes: 1 * MI }
  return { ...idle, cpuMsPerRequest: 0.2, ...image?.usage }
}

/** How a container's memory moves over its run. */
export interface MemoryProfile {
  /** Bytes from the start (after allocation). */
  steadyBytes: number
  /** Bytes added each minute. */
  growthPerMinute: number
  spike?: Spike
  /** Files written to memory-backed volumes (tmpfs): charged to the writer's memory while they exist. */
  tmpfs?: { atMs: number; untilMs?: number; bytes: number }[]
}

interface Spike {
  atMs: number
  forMs: number
  cpuMilli: number
  memoryBytes: number
}

/** What the container's command asks of the machine: `stress --vm 1 --vm-bytes 250M`, `stress -cpus 2`. */
function commandDemand(container: Container, image: ImageSpec | undefined): { cpuMilli?: number; memoryBytes?: number } {
  const words = [...(container.command ?? []), ...(container.args ?? [])]
  // The stress images' entrypoint is stress: arguments alone are its own.
  const isStress = (w: string) => /(^|\/)stress$/.test(w)
  if (!words.some(isStress) && !(image && isStress(image.repository) && !container.command?.length)) return {}
  const value = (...names: string[]) => {
    const i = words.findIndex((w) => names.includes(w.replace(/=.*/, '')))
    if (i < 0) return undefined
    return words[i].includes('=') ? words[i].replace(/^[^=]*=/, '') : words[i + 1]
  }
  const count = (text: string | undefined) => (text === undefined ? undefined : Number(text) || 0)
  const out: { cpuMilli?: number; memoryBytes?: number } = {}
  // polinux/stress: --cpu N --vm N --vm-bytes B (default 256M); vish/stress: -cpus N -mem-total B.
  const cpus = count(value('--cpu', '-c', '-cpus', '--cpus'))
  if (cpus !== undefined) out.cpuMilli = cpus * 1000
  const vms = count(value('--vm', '-m'))
  if (vms !== undefined) out.memoryBytes = vms * stressBytes(value('--vm-bytes') ?? '256M')
  const total = value('-mem-total', '--mem-total')
  if (total !== undefined) out.memoryBytes = quantityValue(total)
  return out
}

/** stress's sizes are powers of two: `250M` is 250 MiB, `1G` a GiB, `100K` 100 KiB. */
function stressBytes(text: string): number {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(text)
  if (!m) return quantityValue(text)
  const unit = { '': 1, b: 1, k: 1024, m: MI, g: 1024 * MI }[m[2].toLowerCase()] ?? 1
  return Number(m[1]) * unit
}

function spikeOf(annotations: Record<string, string>): Spike | undefined {
  const at = annotations[USAGE_ANNOTATION.spikeAt]
  if (at === undefined) return undefined
  return {
    atMs: parseDuration(at) ?? 0,
    forMs: parseDuration(annotations[USAGE_ANNOTATION.spikeDuration] ?? '') ?? DEFAULT_SPIKE_MS,
    cpuMilli: cpuMillis(annotations[USAGE_ANNOTATION.spikeCpu] ?? '0'),
    memoryBytes: quantityValue(annotations[USAGE_ANNOTATION.spikeMemory] ?? '0'),
  }
}

const bytesOr = (text: string | undefined, fallback: number) => (text !== undefined && parseQuantity(text) !== undefined ? quantityValue(text) : fallback)

export function memoryProfile(container: Container, image: ImageSpec | undefined, annotations: Record<string, string> = {}): MemoryProfile {
  const typical = typicalUse(image).memoryBytes
  const command = commandDemand(container, image).memoryBytes
  return {
    steadyBytes: bytesOr(annotations[USAGE_ANNOTATION.memory], command !== undefined ? typical + command : typical),
    growthPerMinute: bytesOr(annotations[USAGE_ANNOTATION.memoryGrowth], 0),
    spike: spikeOf(annotations),
  }
}

const inSpike = (spike: Spike | undefined, runningForMs: number) => !!spike && runningForMs >= spike.atMs && runningForMs < spike.atMs + spike.forMs

/** Memory in use `runningForMs` after the container started. */
export function memoryAt(profile: MemoryProfile, runningForMs: number): number {
  const t = Math.max(0, runningForMs)
  const spike = inSpike(profile.spike, t) ? profile.spike!.memoryBytes : 0
  let tmpfs = 0
  for (const f of profile.tmpfs ?? []) if (t >= f.atMs && (f.untilMs === undefined || t < f.untilMs)) tmpfs += f.bytes
  return Math.round(profile.steadyBytes + (profile.growthPerMinute * t) / 60_000 + spike + tmpfs)
}

/**
 * When memory first goes above `limitBytes`, in ms after the start; undefined if it
 * never does. Solved from the profile, not by sampling: at once (after allocating), when
 * the growth reaches the limit, or when the spike comes.
 */
export function memoryCrossing(profile: MemoryProfile, limitBytes: number): number | undefined {
  if (!(limitBytes > 0)) return undefined
  if (profile.steadyBytes > limitBytes) return ALLOCATION_MS
  let crossing: number | undefined
  if (profile.growthPerMinute > 0) crossing = Math.floor(((limitBytes - profile.steadyBytes) / profile.growthPerMinute) * 60_000) + 1
  const spike = profile.spike
  if (spike && spike.memoryBytes > 0 && memoryAt(profile, spike.atMs) > limitBytes) crossing = Math.min(crossing ?? Infinity, Math.max(ALLOCATION_MS, spike.atMs))
  // A file written to tmpfs takes its pages at once.
  for (const f of profile.tmpfs ?? []) if (memoryAt(profile, f.atMs) > limitBytes) crossing = Math.min(crossing ?? Infinity, Math.max(ALLOCATION_MS, f.atMs))
  return crossing
}

/**
 * CPU the container wants, in millicores: the image's idle use (or the annotation, or
 * what `stress` burns), plus what the requests it serves cost, plus a spike.
 */
export function cpuDemand(container: Container, image: ImageSpec | undefined, annotations: Record<string, string>, runningForMs: number, requestsPerSecond: number): number {
  const typical = typicalUse(image)
  const steadyText = annotations[USAGE_ANNOTATION.cpu]
  const command = commandDemand(container, image).cpuMilli
  const steady = steadyText !== undefined ? cpuMillis(steadyText) : (command ?? typical.cpuMilli)
  const spike = spikeOf(annotations)
  const spikeMilli = inSpike(spike, runningForMs) ? spike!.cpuMilli : 0
  return steady + requestsPerSecond * typical.cpuMsPerRequest + spikeMilli
}

/** CPU above the limit is throttled by the CFS quota, never killed. */
export function throttled(demandMilli: number, container: Container): number {
  const limit = container.resources?.limits?.cpu
  const capped = limit !== undefined ? Math.min(demandMilli, cpuMillis(limit)) : demandMilli
  return Math.max(0, Math.round(capped))
}

export function memoryLimit(container: Container): number | undefined {
  const limit = container.resources?.limits?.memory
  return limit === undefined ? undefined : quantityValue(limit)
}

