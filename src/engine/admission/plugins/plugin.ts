import { ApiError } from '../../api/errors.ts'
import { qualifiedPlural } from '../../api/resources.ts'
import type { ApiServer } from '../../api/server.ts'
import type { ApiStore } from '../../api/store.ts'
import type { KubeObject } from '../../api/types.ts'
import type { KindModule } from '../../kinds/kindModule.ts'
import type { SeededRandom } from '../../rng.ts'

/** What an admission plugin sees of a request (admission.Attributes). */
export interface AdmissionAttributes {
  operation: 'CREATE' | 'UPDATE'
  obj: KubeObject
  old?: KubeObject
  module: KindModule
  store: ApiStore
  rng: SeededRandom
  now: number
  /** The server itself, for the writes a plugin makes as part of admitting (quota usage). */
  api: ApiServer
  /** A dry run: the plugin must not write anything. */
  dryRun: boolean
}

/**
 * One admission plugin of the API server's chain. `admit` may change the object
 * (mutating admission, before validation); `validate` may only refuse it (after
 * validation, before storage). Both refuse by throwing an ApiError.
 */
export interface AdmissionPlugin {
  name: string
  admit?(a: AdmissionAttributes): void
  validate?(a: AdmissionAttributes): void
}

/** admission.NewForbidden: `pods "web" is forbidden: <reason>`. */
export function forbidden(a: AdmissionAttributes, reason: string, path?: string): ApiError {
  const name = a.obj.metadata.name
  const what = name ? `${qualifiedPlural(a.module.names)} "${name}"` : qualifiedPlural(a.module.names)
  return new ApiError('Forbidden', `${what} is forbidden: ${reason}`, path)
}
