import { KUBERNETES_VERSION } from '../engine/kubectl/commands/version.ts'
import { groupVersions, servedResources } from './resources.ts'

/**
 * OpenAPI v3, as much as clients need to write objects: one document per group/version
 * whose paths carry each resource's operations with their query parameters and
 * `x-kubernetes-group-version-kind`. kubectl reads it to learn that the server validates
 * fields itself (`fieldValidation`), so it sends objects without validating them against
 * a client-side schema. Object schemas (for `kubectl explain`) are not there yet.
 */

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`
}

/** `/openapi/v3`: where each group/version's document is. */
export function openApiV3Root() {
  const paths: Record<string, { serverRelativeURL: string }> = {}
  for (const [group, versions] of groupVersions()) {
    for (const version of versions) paths[gvPath(group, version)] = { serverRelativeURL: `/openapi/v3/${gvPath(group, version)}` }
  }
  return { paths }
}

const param = (name: string) => ({ name, in: 'query', schema: { type: 'string', uniqueItems: true } })
const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation'].map(param)

/** `/openapi/v3/apis/GROUP/VERSION`: the operations of the group/version's resources, or undefined. */
export function openApiV3Document(gv: string) {
  const here = servedResources().filter((r) => gvPath(r.group, r.version) === gv)
  if (here.length === 0) return undefined
  const paths: Record<string, unknown> = {}
  for (const r of here) {
    const gvk = { group: r.group, version: r.version, kind: r.kind }
    const op = (action: string, params: unknown[]) => ({
      operationId: `${action}${r.kind}`,
      parameters: params,
      responses: { '200': { description: 'OK' } },
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
    })
    const base = `/${gv}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}`
    paths[base] = { get: op('list', []), post: op('post', WRITE_PARAMS), delete: op('deletecollection', []) }
    paths[`${base}/{name}`] = {
      get: op('get', []),
      put: op('put', WRITE_PARAMS),
      patch: op('patch', [...WRITE_PARAMS, param('force')]),
      delete: op('delete', [param('dryRun')]),
    }
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: KUBERNETES_VERSION }, paths, components: { schemas: {} } }
}
