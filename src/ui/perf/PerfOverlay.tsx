import { usePerf } from './perfStats.ts'

const whole = (n: number) => Math.round(n).toLocaleString('en-US')
const ms = (n: number) => `${n.toFixed(1)} ms`
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`

/** The performance overlay (toggled with O): engine events, batch size, frame times. */
export function PerfOverlay() {
  const open = usePerf((s) => s.open)
  const stats = usePerf((s) => s.stats)
  if (!open) return null
  return (
    <dl className="perf-overlay" aria-label="Performance" aria-live="off">
      <dt>Simulated events/s</dt>
      <dd>{whole(stats.eventsPerSecond)}</dd>
      <dt>Batches/s</dt>
      <dd>{stats.batchesPerSecond.toFixed(1)}</dd>
      <dt>Batch size</dt>
      <dd>
        {whole(stats.batchObjects)} objects, {kb(stats.batchBytes)}
      </dd>
      <dt>Batch apply</dt>
      <dd>{ms(stats.applyMs)}</dd>
      <dt>Frame p50</dt>
      <dd>{ms(stats.frameP50)}</dd>
      <dt>Frame p95</dt>
      <dd>{ms(stats.frameP95)}</dd>
    </dl>
  )
}
