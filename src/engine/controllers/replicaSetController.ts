import type { ReplicaSet } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { ReplicaManager } from './replicaManager.ts'

/** The ReplicaSet controller (pkg/controller/replicaset): a ReplicaManager over ReplicaSets' label selectors. */
export class ReplicaSetController extends ReplicaManager<ReplicaSet> {
  constructor(ctx: EngineContext) {
    super(ctx, { kind: 'ReplicaSet', component: 'replicaset-controller', selector: (rs) => rs.spec.selector })
  }
}
