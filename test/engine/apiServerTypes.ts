import type { KubeObject } from '../../src/engine/api/types.ts'

export interface ConfigMapLike extends KubeObject {
  data?: Record<string, string>
}
