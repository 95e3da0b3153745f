import { useLayoutEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { KubeEvent } from '../../engine/api/types.ts'
import { parseSimTime } from '../../engine/clock.ts'
import { formatElapsed } from '../format/time.ts'
import { useCluster } from '../store/clusterStore.ts'

/** How many of the latest events the feed shows. */
const FEED_LENGTH = 60

/**
 * The newest events cluster-wide, oldest first, as `kubectl get events --watch` would stream them.
 * Timestamps have one-second resolution, so within a second the order of writing (resourceVersion)
 * decides: a cause (SuccessfulCreate) was written before its effect (Scheduled).
 */
function useLatestEvents(): KubeEvent[] {
  return useCluster(
    useShallow((s) =>
      (Object.values(s.objects.Event ?? {}) as KubeEvent[])
        .sort((a, b) => parseSimTime(a.lastTimestamp) - parseSimTime(b.lastTimestamp) || writeOrder(a) - writeOrder(b))
        .slice(-FEED_LENGTH),
    ),
  )
}

const writeOrder = (e: KubeEvent) => Number(e.metadata.resourceVersion ?? 0)

/**
 * What every component did and when: the scheduler assigning, controllers creating
 * and deleting, kubelets pulling and starting. Clicking a pod's event opens the pod.
 */
export function EventsFeed() {
  const events = useLatestEvents()
  const selectPod = useCluster((s) => s.selectPod)
  const listRef = useRef<HTMLDivElement>(null)
  const pinnedToBottom = useRef(true)

  // Follow new events, unless the reader has scrolled up to look at older ones.
  useLayoutEffect(() => {
    const list = listRef.current
    if (list && pinnedToBottom.current) list.scrollTop = list.scrollHeight
  }, [events])

  const onScroll = () => {
    const list = listRef.current
    if (list) pinnedToBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < 24
  }

  return (
    <section className="events-feed" aria-label="Cluster events">
      <h2 className="panel-title">Cluster events</h2>
      {/* The log scrolls; the list inside keeps its list semantics (a role on the <ol> would drop them). */}
      <div ref={listRef} className="events-feed-list" role="log" aria-label="Cluster events log" tabIndex={0} onScroll={onScroll}>
        <ol className="events-feed-items">
        {events.length === 0 && <li className="events-feed-empty">Nothing has happened yet. Apply a manifest.</li>}
        {events.map((e) => {
          const o = e.involvedObject
          const podKey = o.kind === 'Pod' ? `Pod/${o.namespace}/${o.name}` : null
          const object = `${o.kind.toLowerCase()}/${o.name}`
          return (
            <li key={e.metadata.name} className={`events-feed-row ${e.type === 'Warning' ? 'warning' : ''}`}>
              <span className="events-feed-time">{formatElapsed(parseSimTime(e.lastTimestamp))}</span>
              <span className="events-feed-source">
                {e.source.component}
                {e.source.host ? ` (${e.source.host})` : ''}
              </span>
              <span className="events-feed-reason">{e.reason}</span>
              {podKey ? (
                <button type="button" className="events-feed-object link" onClick={() => selectPod(podKey)} aria-label={`Show ${object}`}>
                  {object}
                </button>
              ) : (
                <span className="events-feed-object">{object}</span>
              )}
              <span className="events-feed-message">
                {e.message}
                {e.count > 1 && <span className="events-feed-count"> (x{e.count})</span>}
              </span>
            </li>
          )
        })}
        </ol>
      </div>
    </section>
  )
}
