/**
 * The files of a writable volume (emptyDir, hostPath, a PersistentVolume): what
 * containers' commands wrote, with when. Writes are recorded when a container starts,
 * at the times its script will make them, and read lazily: no timer per file.
 */
export interface FileWrite {
  /** Path relative to the volume's root, without a leading slash. */
  path: string
  content: string
  /** Simulated ms when the file appears, and when an `rm` removes it. */
  fromMs: number
  untilMs?: number
  /** Its size when it is not its content (a file of zeros). */
  bytes?: number
}

export class FileStore {
  private writes: FileWrite[] = []

  /**
   * Records a container's writes. Writes another one has superseded by `nowMs` are
   * dropped, so a container that restarts forever keeps the history bounded.
   */
  add(writes: FileWrite[], nowMs: number): void {
    this.writes.push(...writes)
    const latestPast = new Map<string, number>()
    for (const w of this.writes) if (w.fromMs <= nowMs) latestPast.set(w.path, Math.max(latestPast.get(w.path) ?? -Infinity, w.fromMs))
    this.writes = this.writes.filter((w) => w.fromMs > nowMs || w.fromMs === latestPast.get(w.path))
  }

  /** The files present at `nowMs`, by relative path, the latest write winning. */
  filesAt(nowMs: number): Map<string, string> {
    const present = this.writes.filter((w) => w.fromMs <= nowMs && (w.untilMs === undefined || nowMs < w.untilMs)).sort((a, b) => a.fromMs - b.fromMs)
    return new Map(present.map((w) => [w.path, w.content]))
  }

  /** The times after `afterMs` at which a file appears or goes. */
  changesAfter(afterMs: number): number[] {
    const times: number[] = []
    for (const w of this.writes) for (const t of [w.fromMs, w.untilMs]) if (t !== undefined && t > afterMs) times.push(t)
    return times
  }

  /** Bytes the files hold at `nowMs` (what a `medium: Memory` emptyDir charges to the pod's memory). */
  bytesAt(nowMs: number): number {
    const latest = new Map<string, FileWrite>()
    for (const w of this.writes) {
      if (w.fromMs > nowMs || (w.untilMs !== undefined && nowMs >= w.untilMs)) continue
      const before = latest.get(w.path)
      if (!before || before.fromMs <= w.fromMs) latest.set(w.path, w)
    }
    let total = 0
    for (const w of latest.values()) total += w.bytes ?? new TextEncoder().encode(w.content).length
    return total
  }
}
