import { SPEEDS } from '../../worker/protocol.ts'
import { useEngine } from '../engineContext.ts'
import { useCluster } from '../store/clusterStore.ts'
import { SimClock } from './SimClock.tsx'

/** Play/pause, speed, single steps, and the simulated clock. */
export function ControlsBar() {
  const engine = useEngine()
  const running = useCluster((s) => s.running)
  const speed = useCluster((s) => s.speed)
  const setRunning = (next: boolean) => {
    useCluster.setState({ running: next })
    engine.setRunning(next)
  }
  const setSpeed = (next: number) => {
    useCluster.setState({ speed: next })
    engine.setSpeed(next)
  }
  return (
    <div className="controls" role="toolbar" aria-label="Simulation controls">
      <button type="button" className="btn btn-play" aria-label={running ? 'Pause simulation' : 'Play simulation'} onClick={() => setRunning(!running)}>
        <span aria-hidden="true">{running ? '❚❚' : '▶'}</span> <span className="btn-label">{running ? 'Pause' : 'Play'}</span>
      </button>
      <div className="speed-group" role="group" aria-label="Speed">
        {SPEEDS.map((s) => (
          <button key={s} type="button" className="btn btn-speed" aria-pressed={speed === s} onClick={() => setSpeed(s)}>
            {/* Named "Speed 5x" from its text: the visible label is part of the name, as voice control needs. */}
            <span className="visually-hidden">Speed </span>
            {`${s}x`}
          </button>
        ))}
      </div>
      {/* On a narrow header "+1s": the hidden "Step " keeps the name "Step 1s". */}
      <button type="button" className="btn" title="Step 1s" onClick={() => engine.step(1000)}>
        <span className="btn-short" aria-hidden="true">+</span>
        <span className="btn-label">Step </span>1s
      </button>
      <button type="button" className="btn" title="Step 10s" onClick={() => engine.step(10_000)}>
        <span className="btn-short" aria-hidden="true">+</span>
        <span className="btn-label">Step </span>10s
      </button>
      <SimClock />
    </div>
  )
}
