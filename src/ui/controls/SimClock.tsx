import { formatElapsed } from '../format/time.ts'
import { useCluster } from '../store/clusterStore.ts'

/** Simulated time since the cluster started, with the simulated wall clock as a tooltip. */
export function SimClock() {
  const time = useCluster((s) => s.time)
  const clock = useCluster((s) => s.clock)
  return (
    <span className="sim-clock" role="timer" aria-label="Simulated time" title={clock ? `Cluster clock: ${clock}` : undefined}>
      {formatElapsed(time)}
    </span>
  )
}
