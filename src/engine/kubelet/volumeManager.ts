import type { ApiStore } from '../api/store.ts'
import type { Pod } from '../api/types.ts'
import { unmountableVolume } from './configRefs.ts'

/**
 * The kubelet's volume manager, as syncPod sees it: are the pod's volumes mounted? When
 * not, the `FailedMount` message to record; the pod worker tries again on a later sync.
 */
export function volumesNotReady(pod: Pod, store: ApiStore): string | undefined {
  const unmountable = unmountableVolume(pod, store)
  return unmountable && `MountVolume.SetUp failed for volume "${unmountable.volume}" : ${unmountable.message}`
}
