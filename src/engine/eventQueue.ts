/**
 * The discrete-event queue: callbacks due at a simulated time, run in (time, insertion)
 * order. Nothing in the engine polls; everything that happens later is an entry here.
 */
export interface ScheduledTask {
  at: number
  seq: number
  label: string
  run: () => void
  cancelled: boolean
  cancel(): void
}

export class EventQueue {
  private heap: ScheduledTask[] = []
  private seq = 0

  get size(): number {
    return this.heap.length
  }

  schedule(at: number, label: string, run: () => void): ScheduledTask {
    const task: ScheduledTask = {
      at,
      seq: this.seq++,
      label,
      run,
      cancelled: false,
      cancel() {
        this.cancelled = true
      },
    }
    this.heap.push(task)
    this.siftUp(this.heap.length - 1)
    return task
  }

  /** The time of the next live task, or undefined when nothing is queued. */
  peekTime(): number | undefined {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop()
    return this.heap[0]?.at
  }

  pop(): ScheduledTask | undefined {
    const top = this.heap[0]
    if (!top) return undefined
    const last = this.heap.pop()!
    if (this.heap.length > 0) {
      this.heap[0] = last
      this.siftDown(0)
    }
    return top
  }

  private less(a: ScheduledTask, b: ScheduledTask): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq)
  }

  private siftUp(i: number): void {
    const h = this.heap
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(h[i], h[parent])) break
      ;[h[i], h[parent]] = [h[parent], h[i]]
      i = parent
    }
  }

  private siftDown(i: number): void {
    const h = this.heap
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && this.less(h[l], h[m])) m = l
      if (r < h.length && this.less(h[r], h[m])) m = r
      if (m === i) return
      ;[h[i], h[m]] = [h[m], h[i]]
      i = m
    }
  }
}
