import type { EngineContext } from '../context.ts'
import { DeploymentController } from './deploymentController.ts'
import { GarbageCollector } from './garbageCollector.ts'
import { NamespaceController } from './namespaceController.ts'
import { NamespaceDefaultsController } from './namespaceDefaults.ts'
import { ReplicaSetController } from './replicaSetController.ts'
import { ReplicationControllerManager } from './replicationController.ts'

/**
 * The controller manager's controllers, started in this order. Each watches the store,
 * enqueues keys, and reconciles one key at a time through the API. A new kind's
 * controller is one line here.
 */
export const CONTROLLERS: ((ctx: EngineContext) => unknown)[] = [
  (ctx) => new ReplicaSetController(ctx),
  (ctx) => new ReplicationControllerManager(ctx),
  (ctx) => new DeploymentController(ctx),
  (ctx) => new GarbageCollector(ctx),
  (ctx) => new NamespaceController(ctx),
  (ctx) => new NamespaceDefaultsController(ctx),
]
