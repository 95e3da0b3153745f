import { defaultIngressClass } from './defaultIngressClass.ts'
import { defaultStorageClass } from './defaultStorageClass.ts'
import { limitRanger } from './limitRanger.ts'
import { namespaceLifecycle } from './namespaceLifecycle.ts'
import type { AdmissionPlugin } from './plugin.ts'
import { podAdmission } from './podAdmission.ts'
import { priorityAdmission } from './priority.ts'
import { resourceQuotaAdmission } from './resourceQuota.ts'
import { storageObjectInUseProtection } from './storageObjectInUseProtection.ts'

/**
 * The admission chain, in the API server's order (--enable-admission-plugins):
 * LimitRanger fills in defaults before pods are validated; ResourceQuota comes last,
 * so it counts the object as it will be stored.
 */
export const ADMISSION_PLUGINS: AdmissionPlugin[] = [namespaceLifecycle, limitRanger, podAdmission, priorityAdmission, defaultStorageClass, storageObjectInUseProtection, defaultIngressClass, resourceQuotaAdmission]
