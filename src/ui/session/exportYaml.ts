import { stringify } from 'yaml'
import type { KubeObject } from '../../engine/api/types.ts'
import { sortedKeys } from '../../engine/util/goJson.ts'
import type { ObjectsByKind } from '../store/clusterStore.ts'

/** Kinds left out of "Export all YAML": records of what happened, not objects anyone applies. */
const NOT_EXPORTED = new Set(['Event', 'Lease'])

/**
 * Every object the UI shows, each as `kubectl get KIND NAME -o yaml` prints it, as one
 * multi-document YAML text, by kind, then namespace, then name.
 */
export function allObjectsYaml(objects: ObjectsByKind): string {
  const all: KubeObject[] = []
  for (const [kind, byKey] of Object.entries(objects)) if (!NOT_EXPORTED.has(kind)) all.push(...Object.values(byKey))
  const key = (o: KubeObject) => [o.kind, o.metadata.namespace ?? '', o.metadata.name]
  all.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1
    return 0
  })
  return all.map((o) => stringify(sortedKeys(o), { lineWidth: 0, indentSeq: false, version: '1.1' })).join('---\n')
}
