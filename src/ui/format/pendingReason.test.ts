import { describe, expect, it } from 'vitest'
import { pendingReason } from './pendingReason.ts'

describe('pendingReason', () => {
  it('keeps the per-node reasons and drops the preemption summary', () => {
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.'
    expect(pendingReason(message)).toBe('1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu')
  })

  it('passes other messages through and says nothing without one', () => {
    expect(pendingReason('pod has unbound immediate PersistentVolumeClaims')).toBe('pod has unbound immediate PersistentVolumeClaims')
    expect(pendingReason(undefined)).toBeUndefined()
  })
})
