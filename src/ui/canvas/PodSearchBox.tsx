import type { Pod } from '../../engine/api/types.ts'
import { useCluster } from '../store/clusterStore.ts'
import { podMatches, usePodSearch } from './podSearch.ts'

/** Find pods on the canvas by name or label: matches stand out, the rest dim, and it says how many. */
export function PodSearchBox() {
  const query = usePodSearch((s) => s.query)
  const setQuery = usePodSearch((s) => s.setQuery)
  const summary = useCluster((s) => {
    if (query.trim() === '') return ''
    const pods = Object.values(s.objects.Pod ?? {}) as Pod[]
    const shown = s.namespace === null ? pods : pods.filter((p) => (p.metadata.namespace ?? 'default') === s.namespace)
    const matching = shown.filter((p) => podMatches(p, query)).length
    return `${matching} of ${shown.length} pods match`
  })
  return (
    <div className="pod-search">
      <input
        type="search"
        value={query}
        placeholder="Find: name or app=web"
        aria-label="Find pods by name or label"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault()
            setQuery('')
          }
        }}
      />
      <span className="pod-search-count" role="status">
        {summary}
      </span>
    </div>
  )
}
