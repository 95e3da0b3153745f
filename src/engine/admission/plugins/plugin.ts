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
