import { useEffect } from 'react'
import { useEngine } from '../engineContext.ts'
import { formatElapsed } from '../format/time.ts'
import { useDisplay } from '../theme/displaySettings.ts'
import { BOX_LABEL, BOXES, clearFlow, hopsOf, stepSentence, useFlow } from './flowStore.ts'
import './flow.css'

/** Each hop (writer → API server → etcd) stays lit this long: a step takes a few seconds, slow enough to follow. */
const HOP_MS = 1100

/**
 * The control-plane flow (when turned on): the path each command takes, kubectl → API server
 * → etcd → controller manager → scheduler → kubelet, played step by step from the engine's
 * causal records, with the current step in words for screen readers.
 */
export function ControlPlaneFlow() {
  const on = useDisplay((s) => s.flow)
  return on ? <FlowPlayer /> : null
}

function FlowPlayer() {
  const engine = useEngine()
  const playing = useFlow((s) => s.playing)
  const waiting = useFlow((s) => s.queue.length)

  useEffect(() => {
    engine.watchFlow(true)
    return () => {
      engine.watchFlow(false)
      clearFlow()
    }
  }, [engine])

  // Plays the queue: the next hop of the current step, or the next step.
  useEffect(() => {
    if (!playing && waiting === 0) return
    const t = setTimeout(
      () => {
        const { playing: now, queue } = useFlow.getState()
        if (now && now.hop + 1 < hopsOf(now.step).length) useFlow.setState({ playing: { step: now.step, hop: now.hop + 1 } })
        else if (queue.length > 0) useFlow.setState({ playing: { step: queue[0], hop: 0 }, queue: queue.slice(1) })
        else useFlow.setState({ playing: null })
      },
      playing ? HOP_MS : 0,
    )
    return () => clearTimeout(t)
  }, [playing, waiting])

  const lit = playing ? hopsOf(playing.step)[playing.hop] : null
  const path = playing ? hopsOf(playing.step) : []
  return (
    <section className="cp-flow" aria-label="Control-plane flow">
      <ol className="cp-flow-boxes">
        {BOXES.map((box) => (
          <li key={box} className={`cp-flow-box${box === lit ? ' lit' : ''}${path.includes(box) ? ' on-path' : ''}`} aria-current={box === lit ? 'step' : undefined}>
            {BOX_LABEL[box]}
          </li>
        ))}
      </ol>
      <p className="cp-flow-caption" role="status" aria-live="polite">
        {playing ? (
          <>
            <span className="cp-flow-time">{formatElapsed(playing.step.at)}</span> {stepSentence(playing.step)}
          </>
        ) : (
          'Apply a manifest or run a kubectl command to see its path through the control plane.'
        )}
      </p>
      {/* Outside the live region: the count changes too often to be read out. */}
      {waiting > 0 && <p className="cp-flow-waiting">{waiting} more steps</p>}
    </section>
  )
}
