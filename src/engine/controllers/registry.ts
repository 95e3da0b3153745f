import type { EngineContext } from '../context.ts'
import { CronJobController } from './cronJobController.ts'
import { DaemonSetController } from './daemonSetController.ts'
import { DeploymentController } from './deploymentController.ts'
import { EventTtlController } from './eventTtlController.ts'
import { GarbageCollector } from './garbageCollector.ts'
import { PodGarbageCollector } from './podGarbageCollector.ts'
import { ReplicaSetController } from './replicaSetController.ts'
import { StatefulSetController } from './statefulSetController.ts'
import { JobController } from './jobController.ts'
import { TtlAfterFinishedController } from './ttlAfterFinishedController.ts'
import { ResourceQuotaController } from './resourceQuotaController.ts'
import { NamespaceController } from './namespaceController.ts'
import { NamespaceDefaultsController } from './namespaceDefaults.ts'
import { ReplicationControllerManager } from './replicationController.ts'
import { NodeLifecycleController } from './nodeLifecycleController.ts'
import { TaintEvictionController } from './taintEvictionController.ts'
import { EndpointSliceController } from './endpointSliceController.ts'
import { EndpointsController } from './endpointsController.ts'
import { IngressController } from './ingressController.ts'
import { HorizontalPodAutoscalerController } from './horizontalPodAutoscalerController.ts'
import { PersistentVolumeController } from './persistentVolumeController.ts'
import { LocalPathProvisioner } from './localPathProvisioner.ts'
import { PvcProtectionController } from './pvcProtectionController.ts'
import { PvProtectionController } from './pvProtectionController.ts'
import { DisruptionController } from './disruptionController.ts'

/**
 * The controller manager's controllers, started in this order. Each watches the store,
 * enqueues keys, and reconciles one key at a time through the API. A new kind's
 * controller is one line here.
 */
export const CONTROLLERS: ((ctx: EngineContext) => unknown)[] = [
  (ctx) => new ReplicaSetController(ctx),
  (ctx) => new ReplicationControllerManager(ctx),
  (ctx) => new DeploymentController(ctx),
  (ctx) => new StatefulSetController(ctx),
  (ctx) => new JobController(ctx),
  (ctx) => new CronJobController(ctx),
  (ctx) => new TtlAfterFinishedController(ctx),
  (ctx) => new DaemonSetController(ctx),
  (ctx) => new GarbageCollector(ctx),
  (ctx) => new EventTtlController(ctx),
  (ctx) => new PodGarbageCollector(ctx),
  (ctx) => new ResourceQuotaController(ctx),
  (ctx) => new NamespaceController(ctx),
  (ctx) => new NamespaceDefaultsController(ctx),
  (ctx) => new NodeLifecycleController(ctx),
  (ctx) => new TaintEvictionController(ctx),
  (ctx) => new EndpointSliceController(ctx),
  (ctx) => new EndpointsController(ctx),
  // Acts only once an ingress-nginx controller pod runs and is ready.
  (ctx) => new IngressController(ctx),
  (ctx) => new HorizontalPodAutoscalerController(ctx),
  (ctx) => new DisruptionController(ctx),
  (ctx) => new PersistentVolumeController(ctx),
  (ctx) => new PvcProtectionController(ctx),
  (ctx) => new PvProtectionController(ctx),
  // kind's storage add-on: provisions the default `standard` class's volumes.
  (ctx) => new LocalPathProvisioner(ctx),
]
