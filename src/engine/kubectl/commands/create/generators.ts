import { createConfigMap } from './configMap.ts'
import { createDeployment } from './deployment.ts'
import type { CreateGenerator } from './generator.ts'
import { createIngress } from './ingress.ts'
import { createCronJob, createJob } from './job.ts'
import { createNamespace, createServiceAccount } from './namespace.ts'
import { createPodDisruptionBudget } from './podDisruptionBudget.ts'
import { createPriorityClass, createQuota } from './quota.ts'
import { createClusterRole, createClusterRoleBinding, createRole, createRoleBinding } from './rbac.ts'
import { createSecretDockerRegistry, createSecretGeneric, createSecretTls } from './secret.ts'
import { createServiceClusterIP, createServiceExternalName, createServiceLoadBalancer, createServiceNodePort } from './service.ts'

/** Every `kubectl create <what>` kubesim answers, one entry per line. */
export const CREATE_GENERATORS: readonly CreateGenerator[] = [
  createClusterRole,
  createClusterRoleBinding,
  createConfigMap,
  createCronJob,
  createDeployment,
  createIngress,
  createJob,
  createNamespace,
  createPodDisruptionBudget,
  createPriorityClass,
  createQuota,
  createRole,
  createRoleBinding,
  createSecretDockerRegistry,
  createSecretGeneric,
  createSecretTls,
  createServiceClusterIP,
  createServiceExternalName,
  createServiceLoadBalancer,
  createServiceNodePort,
  createServiceAccount,
]
