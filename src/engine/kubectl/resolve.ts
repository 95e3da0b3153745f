import { resolveResourceName, type ResourceType } from '../api/resources.ts'

export interface ResourceRequest {
  resource: ResourceType
  names: string[]
}

/** What `kubectl get all` lists. */
export const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs']

/** Thrown for a command-line problem; the message is printed as kubectl prints it. */
export class KubectlError extends Error {}

/**
 * Reads kubectl's resource arguments: `pods`, `pods web other`, `deploy,rs`,
 * `pod/web deploy/api`. Returns one request per resource type, in the order given.
 */
export function resolveResourceArgs(positional: string[]): ResourceRequest[] {
  if (positional.length === 0) return []
  const out: ResourceRequest[] = []
  const add = (resource: ResourceType, name?: string) => {
    let req = out.find((r) => r.resource === resource)
    if (!req) out.push((req = { resource, names: [] }))
    if (name) req.names.push(name)
  }
  const lookup = (typed: string) => {
    const r = resolveResourceName(typed)
    if (!r) throw new KubectlError(`error: the server doesn't have a resource type "${typed}"`)
    return r
  }
  if (positional[0].includes('/')) {
    for (const arg of positional) {
      const [type, name] = arg.split('/', 2)
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`)
      add(lookup(type), name)
    }
    return out
  }
  // The `all` category, in the order discovery lists its members.
  const types = positional[0].split(',').filter(Boolean).flatMap((t) => (t === 'all' ? ALL_CATEGORY : [t]))
  const names = positional.slice(1)
  if (types.length === 0) throw new KubectlError(`error: the server doesn't have a resource type "${positional[0]}"`)
  if (types.length > 1 && names.length > 0) {
    throw new KubectlError('error: you must specify only one resource type when passing names')
  }
  for (const t of types) add(lookup(t))
  for (const n of names) out[0].names.push(n)
  return out
}
