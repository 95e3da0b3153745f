import { namespaceLifecycle } from './namespaceLifecycle.ts'
import type { AdmissionPlugin } from './plugin.ts'
import { podAdmission } from './podAdmission.ts'

/** The admission chain, in the API server's order (--enable-admission-plugins). */
export const ADMISSION_PLUGINS: AdmissionPlugin[] = [namespaceLifecycle, podAdmission]
