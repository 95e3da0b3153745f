import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import type { EndpointState } from '../canvas/serviceRows.ts'
import { PULSE_MS, usePulses, type Pulse } from './pulses.ts'

export type TrafficEdgeData = { state?: EndpointState }
export type TrafficFlowEdge = Edge<TrafficEdgeData, 'traffic'>

/** One dot's trip along the edge: SMIL motion, started when the dot is mounted. */
function PulseDot({ path, pulse }: { path: string; pulse: Pulse }) {
  const motion = useRef<SVGAnimateMotionElement>(null)
  const shown = useRef<SVGSetElement>(null)
  useEffect(() => {
    // Hidden until its turn: the dot waits at no place while the previous edge's dot travels.
    motion.current?.beginElementAt(pulse.delayMs / 1000)
    shown.current?.beginElementAt(pulse.delayMs / 1000)
  }, [pulse.delayMs])
  return (
    <circle className="traffic-pulse" r={5} cx={0} cy={0} opacity={0} aria-hidden="true">
      <animateMotion ref={motion} begin="indefinite" dur={`${PULSE_MS}ms`} path={path} fill="remove" />
      <set ref={shown} attributeName="opacity" to="1" begin="indefinite" dur={`${PULSE_MS}ms`} />
    </circle>
  )
}

const NO_PULSES: Pulse[] = []

/** An edge of the network view: styled by the endpoint's readiness, with requests travelling along it. */
export function TrafficEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<TrafficFlowEdge>) {
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
  const pulses = usePulses((s) => s.byEdge[id] ?? NO_PULSES)
  return (
    <>
      <BaseEdge id={id} path={path} className={`traffic-edge traffic-edge-${data?.state ?? 'plain'}`} />
      {pulses.map((p) => (
        <PulseDot key={p.id} path={path} pulse={p} />
      ))}
    </>
  )
}
