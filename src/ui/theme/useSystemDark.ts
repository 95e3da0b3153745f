import { useSyncExternalStore } from 'react'

const QUERY = '(prefers-color-scheme: dark)'

function subscribe(onChange: () => void): () => void {
  const media = matchMedia(QUERY)
  media.addEventListener('change', onChange)
  return () => media.removeEventListener('change', onChange)
}

/** Whether the system asks for a dark colour scheme (followed while the theme is "system"). */
export function useSystemDark(): boolean {
  return useSyncExternalStore(subscribe, () => matchMedia(QUERY).matches, () => false)
}
