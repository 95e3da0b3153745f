import type { EngineContext } from '../context.ts'
import type { ReplicationController } from '../kinds/replicationController.ts'
import { ReplicaManager } from './replicaManager.ts'

/**
 * The replication manager (pkg/controller/replication): upstream runs the ReplicaSet
 * controller's code on ReplicationControllers, whose selector is a plain label map.
 */
export class ReplicationControllerManager extends ReplicaManager<ReplicationController> {
  constructor(ctx: EngineContext) {
    super(ctx, { kind: 'ReplicationController', component: 'replication-controller', selector: (rc) => ({ matchLabels: rc.spec.selector ?? {} }) })
  }
}
