/**
 * The component a scheduled task belongs to, read from its label: every task label
 * starts with its component (`kubelet worker-1: pulled nginx`, `scheduler: schedule
 * default/web`, `cronjob-controller: schedule default/nightly`). Undefined for labels
 * that name no component of their own (`prober: …` runs inside its kubelet).
 */
const NOT_COMPONENTS = new Set(['prober'])

export function taskActor(label: string): string | undefined {
  const colon = label.indexOf(':')
  if (colon <= 0) return undefined
  const prefix = label.slice(0, colon)
  if (prefix.startsWith('kubelet ')) return `kubelet/${prefix.slice('kubelet '.length)}`
  if (prefix === 'scheduler') return 'default-scheduler'
  if (prefix === 'event-ttl') return 'event-ttl-controller'
  if (NOT_COMPONENTS.has(prefix) || prefix.includes(' ')) return undefined
  return prefix
}
