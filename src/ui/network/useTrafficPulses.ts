import { useEffect, useRef } from 'react'
import { useCluster } from '../store/clusterStore.ts'
import { servicesOf } from '../store/trafficMirror.ts'
import { edgeId, ingressNodeId, podNodeId, serviceNodeId, type NetworkGraph } from './networkGraph.ts'
import { launch } from './pulses.ts'

/** Requests drawn per batch at most (a burst of 20 curls shows as a stream, not a blob). */
const DRAWN_PER_BATCH = 8
/** Delay between two requests' dots within a batch. */
const STAGGER_MS = 90

/**
 * Sends a dot along the edges each new request took: Ingress → Service → EndpointSlice →
 * pod. Nothing is drawn when the person prefers reduced motion (the counts still change).
 */
export function useTrafficPulses(graph: NetworkGraph, reducedMotion: boolean): void {
  const seq = useCluster((s) => s.traffic.seq)
  const seen = useRef<number | null>(null)
  useEffect(() => {
    const last = seen.current
    seen.current = seq
    // Requests from before the view opened are history, not traffic to animate.
    if (last === null || reducedMotion || seq <= last) return
    const edges = new Set(graph.edges.map((e) => e.id))
    const fresh = useCluster.getState().traffic.recent.filter((r) => r.seq > last).slice(-DRAWN_PER_BATCH)
    fresh.forEach((r, i) => {
      // Through an ingress controller, the Service that matters is the backend, the last one.
      const svc = servicesOf(r).at(-1)
      if (!svc) return
      const path: string[] = []
      // The ingress hop reads `namespace/name host/path` for the rule that matched.
      const ingress = r.hops.find((h) => h.kind === 'ingress')?.label.split(' ')[0]
      if (ingress?.includes('/')) path.push(edgeId(ingressNodeId(...splitKey(ingress)), serviceNodeId(svc)))
      const slice = r.servedBy && graph.slices.find((s) => s.service === svc && s.endpoints.some((e) => e.pod === r.servedBy))
      if (slice) path.push(edgeId(serviceNodeId(svc), slice.id), edgeId(slice.id, podNodeId(r.servedBy!)))
      const drawn = path.filter((e) => edges.has(e))
      if (drawn.length) launch(drawn, i * STAGGER_MS)
    })
  }, [seq, graph, reducedMotion])
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/')
  return [key.slice(0, slash), key.slice(slash + 1)]
}
