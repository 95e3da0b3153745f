import { describe, expect, it } from 'vitest'
import type { ReplicaSet } from '../../src/engine/api/types.ts'
import { apply, deploymentYaml, kubectl, newSim, pods } from '../helpers.ts'

describe('kubectl rollout and set image', () => {
  it('rolls a new image out, reports progress as kubectl does, and undoes it', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 4))
    expect(kubectl(sim, 'rollout status deployment/web')).toMatch(/deployment "web" successfully rolled out\n$/)
    expect(kubectl(sim, 'set image deployment/web main=nginx:1.28')).toBe('deployment.apps/web image updated\n')
    const status = kubectl(sim, 'rollout status deployment/web').trim().split('\n')
    expect(status[0]).toMatch(/^Waiting for deployment "web" rollout to finish: \d out of 4 new replicas have been updated\.\.\.$/)
    expect(status[status.length - 1]).toBe('deployment "web" successfully rolled out')
    expect(pods(sim).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0].image)).toEqual(Array(4).fill('nginx:1.28'))
    expect(kubectl(sim, 'rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')

    expect(kubectl(sim, 'rollout undo deployment/web')).toBe('deployment.apps/web rolled back\n')
    kubectl(sim, 'rollout status deployment/web')
    const byImage = Object.fromEntries(sim.store.list<ReplicaSet>('ReplicaSet', 'default').map((rs) => [rs.spec.template.spec.containers[0].image, [rs.spec.replicas, rs.metadata.annotations?.['deployment.kubernetes.io/revision']]]))
    // Rolling back re-uses revision 1's ReplicaSet under the next revision number.
    expect(byImage).toEqual({ 'nginx:1.27': [4, '3'], 'nginx:1.28': [0, '2'] })
    expect(kubectl(sim, 'rollout undo deployment/web --to-revision=3')).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n')
  })

  it('restart replaces every pod; pause stops the rollout', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2))
    kubectl(sim, 'rollout status deployment/web')
    const before = pods(sim).map((p) => p.metadata.name)
    expect(kubectl(sim, 'rollout restart deployment/web')).toBe('deployment.apps/web restarted\n')
    kubectl(sim, 'rollout status deployment/web')
    sim.advance(5_000)
    expect(pods(sim).map((p) => p.metadata.name).some((n) => before.includes(n))).toBe(false)
    expect(kubectl(sim, 'rollout pause deployment/web')).toBe('deployment.apps/web paused\n')
    kubectl(sim, 'set image deployment/web main=nginx:1.28')
    sim.advance(30_000)
    expect(pods(sim).every((p) => p.spec.containers[0].image === 'nginx:1.27')).toBe(true)
    expect(kubectl(sim, 'rollout undo deployment/web')).toMatch(/^error: you cannot rollback a paused deployment/)
  })
})
