import type { ResourceNames } from '../kinds/kindModule.ts'
import { allKinds, kindModule } from '../kinds/registry.ts'

/**
 * Name lookups over the kind registry, as discovery and kubectl's RESTMapper do them:
 * `deploy`, `rs`, `po` resolve to kinds, and kinds print as `deployment.apps/web`.
 */
export type ResourceType = ResourceNames

/** `deployment.apps`, `pod`: the prefix kubectl prints in `deployment.apps/web created`. */
export function qualifiedSingular(r: ResourceType): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular
}

/** `deployments.apps`, `pods`: the name used in API errors (`deployments.apps "web" not found`). */
export function qualifiedPlural(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural
}

export function apiVersionOf(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version
}

export function resourceForKind(kind: string): ResourceType | undefined {
  return kindModule(kind)?.names
}

/**
 * Resolves what a user typed on the command line (`po`, `pods`, `deployment.apps`,
 * `Deployment`) the way kubectl's RESTMapper does.
 */
export function resolveResourceName(typed: string): ResourceType | undefined {
  const lower = typed.toLowerCase()
  const [name, ...groupParts] = lower.split('.')
  const group = groupParts.join('.')
  return allKinds()
    .map((k) => k.names)
    .find((r) => (group === '' || r.group === group) && (r.plural === name || r.singular === name || r.shortNames.includes(name)))
}

/** Resolves `apiVersion` + `kind` from a manifest; undefined means "no matches for kind". */
export function resourceForManifest(apiVersion: string, kind: string): ResourceType | undefined {
  const r = kindModule(kind)?.names
  if (!r) return undefined
  return apiVersionOf(r) === apiVersion || r.alsoServedAs?.includes(apiVersion) ? r : undefined
}
