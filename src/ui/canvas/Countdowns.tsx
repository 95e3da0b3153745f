import { countdownSentence, countdownShort, shownCountdowns } from '../format/countdown.ts'
import { useCluster } from '../store/clusterStore.ts'

/**
 * The object's countdowns as text lines: short (`restart in 23s`) or whole sentences. The
 * selector returns one string, so a tick that changes no second re-renders nothing.
 */
export function useCountdownLines(objectKey: string, sentence: boolean): string[] {
  const text = useCluster((s) => {
    const list = s.countdowns[objectKey]
    if (!list) return ''
    return shownCountdowns(list, s.time)
      .map((c) => (sentence ? countdownSentence(c, s.time) : countdownShort(c, s.time)))
      .join('\n')
  })
  return text ? text.split('\n') : []
}

/** A node card's badge: `NotReady in 12s`, named with the whole sentence. */
export function CountdownBadge({ objectKey }: { objectKey: string }) {
  const short = useCountdownLines(objectKey, false)
  const long = useCountdownLines(objectKey, true)
  if (short.length === 0) return null
  return (
    <span className="badge badge-warn countdown-badge" role="timer" aria-label={long.join(' ')}>
      {short.join(' · ')}
    </span>
  )
}

/** In the inspector: what happens next, in sentences. */
export function CountdownList({ objectKey }: { objectKey: string }) {
  const lines = useCountdownLines(objectKey, true)
  if (lines.length === 0) return null
  return (
    <ul className="countdown-list" aria-label="What happens next">
      {lines.map((line, i) => (
        <li key={i}>
          <span role="timer">{line}</span>
        </li>
      ))}
    </ul>
  )
}
