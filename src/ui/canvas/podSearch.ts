import { create } from 'zustand'
import type { Pod } from '../../engine/api/types.ts'

/** What the canvas search box holds: pods it matches stand out, the others dim. */
export const usePodSearch = create<{ query: string; setQuery(query: string): void }>((set) => ({
  query: '',
  setQuery: (query) => set({ query }),
}))

/**
 * Does the pod match the search? Every word must: `key=value` (or `key!=value`) as a label
 * selector, a bare word as part of the name or of any label's key or value.
 */
export function podMatches(pod: Pod, query: string): boolean {
  const labels = pod.metadata.labels ?? {}
  return query
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((word) => {
      const selector = /^([^=!]+)(!=|==|=)(.*)$/.exec(word)
      if (selector) {
        const [, key, op, value] = selector
        return op === '!=' ? labels[key] !== value : labels[key] === value
      }
      const w = word.toLowerCase()
      return pod.metadata.name.toLowerCase().includes(w) || Object.entries(labels).some(([k, v]) => k.toLowerCase().includes(w) || v.toLowerCase().includes(w))
    })
}
