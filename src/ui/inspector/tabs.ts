/** The inspector's tabs, and which of them an object of a kind has. */
export type TabId = 'summary' | 'describe' | 'yaml' | 'events' | 'logs' | 'scheduling' | 'why'

export const TAB_LABELS: Record<TabId, string> = {
  summary: 'Summary',
  describe: 'Describe',
  yaml: 'YAML',
  events: 'Events',
  logs: 'Logs',
  scheduling: 'Scheduling',
  why: 'Why?',
}

export function tabsFor(kind: string): TabId[] {
  if (kind === 'Pod') return ['summary', 'describe', 'yaml', 'events', 'logs', 'scheduling', 'why']
  return ['summary', 'describe', 'yaml', 'events', 'why']
}

/** `Kind/namespace/name` → its parts. */
export function splitStoreKey(key: string): { kind: string; namespace?: string; name: string } {
  const first = key.indexOf('/')
  const last = key.lastIndexOf('/')
  const namespace = key.slice(first + 1, last)
  return { kind: key.slice(0, first), namespace: namespace || undefined, name: key.slice(last + 1) }
}

/** The kubectl arguments naming the object: `deployment web -n default` (no -n for cluster-scoped kinds). */
export function kubectlTarget(key: string): string {
  const { kind, namespace, name } = splitStoreKey(key)
  return `${kind.toLowerCase()} ${name}${namespace ? ` -n ${namespace}` : ''}`
}
