import { describe, expect, it } from 'vitest'
import type { Node, PersistentVolumeClaim } from '../../../src/engine/api/types.ts'
import { findBestMatch, volumeMismatch } from '../../../src/engine/storage/volumeMatching.ts'
import type { PersistentVolume } from '../../../src/engine/storage/volumeTypes.ts'

const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '', ...extra })

function pv(name: string, storage: string, opts: Partial<PersistentVolume['spec']> & { labels?: Record<string, string>; phase?: string } = {}): PersistentVolume {
  const { labels, phase, ...spec } = opts
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: meta(name, labels ? { labels } : {}),
    spec: { capacity: { storage }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', ...spec },
    status: { phase: (phase ?? 'Available') as PersistentVolume['status']['phase'] },
  }
}

function pvc(storage: string, spec: Partial<PersistentVolumeClaim['spec']> = {}): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta('data', { namespace: 'default' }),
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'manual', resources: { requests: { storage } }, ...spec },
    status: { phase: 'Pending' },
  }
}

const node = (name: string): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: meta(name, { labels: { 'kubernetes.io/hostname': name } }), spec: {}, status: { capacity: {}, allocatable: {}, conditions: [], addresses: [], nodeInfo: {} } }) as Node
const pinnedTo = (host: string) => ({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } })
const names = (v: PersistentVolume | undefined) => v?.metadata.name

describe('PV matching (findBestMatchForClaim)', () => {
  it('picks the smallest Available volume of the class that is at least as large as the request', () => {
    const volumes = [pv('five', '5Gi'), pv('one', '1Gi'), pv('half', '500Mi'), pv('two', '2Gi')]
    expect(names(findBestMatch(pvc('600Mi'), volumes, undefined, false))).toBe('one')
    expect(names(findBestMatch(pvc('1Gi'), volumes, undefined, false))).toBe('one')
    expect(names(findBestMatch(pvc('1.5Gi'), volumes, undefined, false))).toBe('two')
    expect(findBestMatch(pvc('6Gi'), volumes, undefined, false)).toBeUndefined()
  })

  it('needs every requested access mode, and prefers volumes with the fewest modes', () => {
    const volumes = [pv('rwo', '1Gi'), pv('rwo-rox', '1Gi', { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] }), pv('rwx', '1Gi', { accessModes: ['ReadWriteMany'] })]
    expect(names(findBestMatch(pvc('1Gi', { accessModes: ['ReadOnlyMany'] }), volumes, undefined, false))).toBe('rwo-rox')
    expect(names(findBestMatch(pvc('1Gi', { accessModes: ['ReadWriteMany'] }), volumes, undefined, false))).toBe('rwx')
    expect(names(findBestMatch(pvc('1Gi'), [volumes[1], volumes[0]], undefined, false))).toBe('rwo')
    expect(findBestMatch(pvc('1Gi', { accessModes: ['ReadWriteOncePod'] }), volumes, undefined, false)).toBeUndefined()
  })

  it('keeps to the class ("" only matches volumes without one), the selector and the volume mode', () => {
    const volumes = [pv('fast', '1Gi', { labels: { tier: 'fast' } }), pv('plain', '1Gi', { storageClassName: undefined }), pv('block', '1Gi', { volumeMode: 'Block' })]
    expect(names(findBestMatch(pvc('1Gi', { storageClassName: '' }), volumes, undefined, false))).toBe('plain')
    expect(names(findBestMatch(pvc('1Gi', { selector: { matchLabels: { tier: 'fast' } } }), volumes, undefined, false))).toBe('fast')
    expect(findBestMatch(pvc('1Gi', { selector: { matchLabels: { tier: 'slow' } } }), volumes, undefined, false)).toBeUndefined()
    expect(names(findBestMatch(pvc('1Gi', { volumeMode: 'Block' }), volumes, undefined, false))).toBe('block')
    expect(findBestMatch(pvc('1Gi', { storageClassName: 'other' }), volumes, undefined, false)).toBeUndefined()
  })

  it('skips volumes that are claimed, Released or being deleted, but a volume pre-bound to the claim wins', () => {
    const claimed = pv('claimed', '1Gi', { claimRef: { namespace: 'default', name: 'other' } })
    const released = pv('released', '1Gi', { phase: 'Released' })
    const deleting = pv('deleting', '1Gi')
    deleting.metadata.deletionTimestamp = '2026-01-01T00:00:00Z'
    expect(findBestMatch(pvc('1Gi'), [claimed, released, deleting], undefined, false)).toBeUndefined()
    const prebound = pv('mine', '10Gi', { claimRef: { namespace: 'default', name: 'data' } })
    expect(names(findBestMatch(pvc('1Gi'), [pv('small', '1Gi'), prebound], undefined, false))).toBe('mine')
  })

  it('with delayed binding and no node leaves all but pre-bound volumes to the scheduler; with a node, keeps to volumes that node reaches', () => {
    const volumes = [pv('on-1', '1Gi', { nodeAffinity: pinnedTo('worker-1') }), pv('on-2', '2Gi', { nodeAffinity: pinnedTo('worker-2') })]
    expect(findBestMatch(pvc('1Gi'), volumes, undefined, true)).toBeUndefined()
    expect(names(findBestMatch(pvc('1Gi'), volumes, node('worker-2'), true))).toBe('on-2')
    expect(names(findBestMatch(pvc('1Gi'), volumes, node('worker-1'), true))).toBe('on-1')
    expect(findBestMatch(pvc('1Gi'), volumes, node('worker-3'), true)).toBeUndefined()
  })

  it('says why a volume asked for by name cannot serve the claim, as the PV controller does', () => {
    expect(volumeMismatch(pv('v', '1Gi'), pvc('2Gi'))).toBe('requested PV is too small')
    expect(volumeMismatch(pv('v', '1Gi', { storageClassName: 'fast' }), pvc('1Gi'))).toBe('storageClassName does not match')
    expect(volumeMismatch(pv('v', '1Gi', { volumeMode: 'Block' }), pvc('1Gi'))).toBe('incompatible volumeMode')
    expect(volumeMismatch(pv('v', '1Gi'), pvc('1Gi', { accessModes: ['ReadWriteMany'] }))).toBe('incompatible accessMode')
    expect(volumeMismatch(pv('v', '1Gi'), pvc('1Gi'))).toBeUndefined()
  })
})
