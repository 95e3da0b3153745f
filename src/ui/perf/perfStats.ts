/**
 * What the performance overlay shows: the engine's simulated events per second, the size of
 * the worker's batches, and the UI's frame times. Counting costs nothing while the overlay
 * is closed; the batch's bytes (a JSON length) and the frame loop run only while it is open.
 */
import { create } from 'zustand'
import type { PatchBatch } from '../../worker/protocol.ts'

export interface PerfSnapshot {
  eventsPerSecond: number
  batchesPerSecond: number
  /** Objects (upserts and deletes) in the last batch, and its size as JSON. */
  batchObjects: number
  batchBytes: number
  /** Milliseconds the store took to take in the last batch. */
  applyMs: number
  frameP50: number
  frameP95: number
}

interface PerfState {
  open: boolean
  stats: PerfSnapshot
  toggle(): void
}

const ZERO: PerfSnapshot = { eventsPerSecond: 0, batchesPerSecond: 0, batchObjects: 0, batchBytes: 0, applyMs: 0, frameP50: 0, frameP95: 0 }

export const usePerf = create<PerfState>()((set, get) => ({
  open: false,
  stats: ZERO,
  toggle: () => {
    const open = !get().open
    set({ open })
    if (open) startFrames()
  },
}))

/** The last frames' durations (ms), a ring. */
const FRAMES = 240
const frames = new Float64Array(FRAMES)
let frameCount = 0
let batches: { at: number; tasks: number }[] = []
let last = { objects: 0, bytes: 0, applyMs: 0 }

/** p-th percentile (0..1) of the values. */
export function percentile(values: ArrayLike<number>, p: number): number {
  const sorted = Array.from(values).sort((a, b) => a - b)
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]
}

/** A batch arrived; `applyMs` is how long the store took with it. */
export function notePatch(batch: PatchBatch, applyMs: number): void {
  if (!usePerf.getState().open) return
  const now = performance.now()
  batches.push({ at: now, tasks: batch.tasksRun ?? 0 })
  batches = batches.filter((b) => now - b.at <= 2000)
  last = { objects: batch.upserts.length + batch.deletes.length, bytes: JSON.stringify(batch).length, applyMs }
}

function startFrames(): void {
  frameCount = 0
  let prev = performance.now()
  let shown = prev
  const tick = (now: number) => {
    if (!usePerf.getState().open) return
    frames[frameCount++ % FRAMES] = now - prev
    prev = now
    // Four updates a second: the overlay must not be what it measures.
    if (now - shown >= 250) {
      shown = now
      usePerf.setState({ stats: snapshot() })
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

function snapshot(): PerfSnapshot {
  const recent = frames.subarray(0, Math.min(frameCount, FRAMES))
  const first = batches[0]
  const lastBatch = batches.at(-1)
  const seconds = first && lastBatch && lastBatch.at > first.at ? (lastBatch.at - first.at) / 1000 : 0
  return {
    eventsPerSecond: seconds > 0 ? (lastBatch!.tasks - first!.tasks) / seconds : 0,
    batchesPerSecond: seconds > 0 ? (batches.length - 1) / seconds : 0,
    batchObjects: last.objects,
    batchBytes: last.bytes,
    applyMs: last.applyMs,
    frameP50: percentile(recent, 0.5),
    frameP95: percentile(recent, 0.95),
  }
}
