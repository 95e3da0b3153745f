import { useEffect, useState } from 'react'
import { useEngine } from '../engineContext.ts'
import { formatElapsed } from '../format/time.ts'
import { seekTo } from '../session/sessionActions.ts'
import { useSession } from '../session/sessionStore.ts'
import { useCluster } from '../store/clusterStore.ts'
import { commandLabel } from './commandLabel.ts'
import './timeline.css'

/**
 * The session's simulated time as a slider, with a mark at each command. Choosing an
 * earlier moment replays the log to it, paused there; playing or giving a command from
 * there continues from that moment and discards the later commands.
 */
export function Timeline() {
  const engine = useEngine()
  const log = useSession((s) => s.log)
  const viewingPast = useSession((s) => s.viewingPast)
  const reportedTime = useSession((s) => s.time)
  const time = useCluster((s) => s.time)
  /** The moment asked for while its replay is under way (the slider shows it meanwhile). */
  const [wanted, setWanted] = useState<number | null>(null)
  useEffect(() => {
    if (wanted !== null && reportedTime === wanted) setWanted(null)
  }, [reportedTime, wanted])

  if (!log) return null
  const end = viewingPast ? log.time : Math.max(log.time, time)
  const shown = wanted ?? time
  const commands = log.commands
  const later = commands.filter((c) => c.at > shown).length
  const seek = (t: number) => {
    const target = Math.max(0, Math.min(end, Math.round(t)))
    setWanted(target)
    seekTo(engine, target)
  }
  const previous = [...commands].reverse().find((c) => c.at < shown)
  const next = commands.find((c) => c.at > shown)

  return (
    <div className="timeline" role="group" aria-label="Timeline">
      <button type="button" className="btn timeline-jump" aria-label="Previous command" title={previous ? commandLabel(previous) : 'No earlier command'} disabled={!previous} onClick={() => previous && seek(previous.at)}>
        <span aria-hidden="true">◀</span>
      </button>
      <div className="timeline-track">
        <div className="timeline-marks" aria-hidden="true">
          {end > 0 &&
            commands.map((c, i) => (
              <span key={i} className={`timeline-mark${c.at > shown ? ' later' : ''}`} style={{ left: `${(c.at / end) * 100}%` }} title={`${formatElapsed(c.at)} ${commandLabel(c)}`} />
            ))}
        </div>
        <input
          type="range"
          className="timeline-slider"
          min={0}
          max={end}
          step={1000}
          value={Math.min(shown, end)}
          aria-label="Simulated time"
          aria-valuetext={`${formatElapsed(shown)} of ${formatElapsed(end)}${viewingPast ? ', looking back' : ''}`}
          onChange={(e) => seek(Number(e.currentTarget.value))}
        />
      </div>
      <button type="button" className="btn timeline-jump" aria-label="Next command" title={next ? commandLabel(next) : 'No later command'} disabled={!next} onClick={() => next && seek(next.at)}>
        <span aria-hidden="true">▶</span>
      </button>
      <span className="timeline-count">
        {commands.length} {commands.length === 1 ? 'command' : 'commands'}
      </span>
      {viewingPast && (
        <div className="timeline-past" role="status">
          Looking back at {formatElapsed(shown)} of {formatElapsed(end)}. Play or any command continues from here and discards{' '}
          {later === 1 ? 'the 1 later command' : `the ${later} later commands`}.
          <button type="button" className="btn" onClick={() => seek(end)}>
            Back to {formatElapsed(end)}
          </button>
        </div>
      )}
    </div>
  )
}
