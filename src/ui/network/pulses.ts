/**
 * Dots that travel along the network view's edges, one trip per request: which edges have
 * a dot in flight, and when each starts. Short-lived and capped, so a busy cluster costs
 * no more than a quiet one.
 */
import { create } from 'zustand'

/** How long a dot takes along one edge. */
export const PULSE_MS = 450
/** Dots in flight at most; extra requests still count, they just aren't drawn. */
const MAX_IN_FLIGHT = 48

export interface Pulse {
  id: number
  /** Milliseconds after it was added that the dot sets off (the next edge waits for the previous one). */
  delayMs: number
}

interface PulseState {
  byEdge: Record<string, Pulse[]>
  inFlight: number
}

export const usePulses = create<PulseState>()(() => ({ byEdge: {}, inFlight: 0 }))

let nextId = 1

/** Sends one dot along each edge of a path in turn, starting `startMs` from now. */
export function launch(path: string[], startMs: number): void {
  const state = usePulses.getState()
  if (state.inFlight + path.length > MAX_IN_FLIGHT) return
  const byEdge = { ...state.byEdge }
  const added: [string, number][] = []
  path.forEach((edge, i) => {
    const pulse = { id: nextId++, delayMs: startMs + i * PULSE_MS }
    byEdge[edge] = [...(byEdge[edge] ?? []), pulse]
    added.push([edge, pulse.id])
  })
  usePulses.setState({ byEdge, inFlight: state.inFlight + path.length })
  const lifetime = startMs + path.length * PULSE_MS + 100
  setTimeout(() => {
    const s = usePulses.getState()
    const next = { ...s.byEdge }
    for (const [edge, id] of added) {
      const left = (next[edge] ?? []).filter((p) => p.id !== id)
      if (left.length) next[edge] = left
      else delete next[edge]
    }
    usePulses.setState({ byEdge: next, inFlight: Math.max(0, s.inFlight - added.length) })
  }, lifetime)
}
