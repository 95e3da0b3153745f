import { configMapKind } from './configMap.ts'
import { deploymentKind } from './deployment.ts'
import { eventKind } from './event.ts'
import type { KindModule } from './kindModule.ts'
import { namespaceKind } from './namespace.ts'
import { nodeKind } from './node.ts'
import { podKind } from './pod.ts'
import { replicaSetKind } from './replicaSet.ts'
import { replicationControllerKind } from './replicationController.ts'
import { secretKind } from './secret.ts'
import { serviceKind } from './service.ts'
import { serviceAccountKind } from './serviceAccount.ts'
import { STORED_KINDS } from './storedKinds.ts'

/**
 * Every kind the simulated API server serves. Adding a kind: write its module in this
 * folder and list it here (and, if it needs one, add its controller to
 * controllers/registry.ts). Order matters only for kubectl's resolution of ambiguous
 * short names, which checks earlier kinds first.
 */
function registered(): KindModule[] {
  // Built on first use, not at import: kind modules import code that imports this file.
  return (list ??= [
  podKind,
  nodeKind,
  namespaceKind,
  eventKind,
  deploymentKind,
  replicaSetKind,
  replicationControllerKind,
  serviceKind,
  configMapKind,
  secretKind,
  serviceAccountKind,
  ...STORED_KINDS,
  ])
}

let list: KindModule[] | undefined
let byKind: Map<string, KindModule> | undefined

/** All kinds, in registration order. */
export function allKinds(): readonly KindModule[] {
  return registered()
}

/** The module of a kind (`Deployment`), or undefined when the server does not serve it. */
export function kindModule(kind: string): KindModule | undefined {
  byKind ??= new Map(registered().map((k) => [k.names.kind, k]))
  return byKind.get(kind)
}
