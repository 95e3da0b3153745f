import { describe, expect, it } from 'vitest'
import { nextWorkerName, nodeAddLine } from './nodeAddLine.ts'

describe('nodeAddLine', () => {
  it('writes only the flags the form sets, lists without spaces', () => {
    expect(nodeAddLine({ name: ' worker-4 ', cpu: '8', memory: '', maxPods: '', labels: 'disk=ssd, zone=a', taints: '' })).toBe(
      'node add worker-4 --cpu 8 --labels disk=ssd,zone=a',
    )
    expect(nodeAddLine({ name: 'gpu-1', cpu: '', memory: '32Gi', maxPods: '20', labels: '', taints: 'gpu=true:NoSchedule' })).toBe(
      'node add gpu-1 --memory 32Gi --max-pods 20 --taints gpu=true:NoSchedule',
    )
  })

  it('names the next machine after the workers there are', () => {
    expect(nextWorkerName(['control-plane', 'worker-1', 'worker-2', 'worker-3'])).toBe('worker-4')
    expect(nextWorkerName(['worker-2'])).toBe('worker-1')
  })
})
