import { describe, expect, it } from 'vitest'
import { apply, deploymentYaml, kubectl, newSim } from '../helpers.ts'

describe('errors as kubectl prints them (cmdutil.CheckErr)', () => {
  it('an Invalid error is rebuilt from its details, without `Error from server` or the file', () => {
    const sim = newSim({ workers: 1 })
    expect(apply(sim, deploymentYaml('web', -1))).toEqual(['The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'])
  })

  it('several causes go on `* ` lines after a line ending in `invalid: `', () => {
    const sim = newSim({ workers: 1 })
    const out = apply(sim, 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: empty}\nspec: {}\n')
    expect(out).toEqual(['The ReplicationController "empty" is invalid: \n* spec.selector: Required value\n* spec.template: Required value'])
  })

  it('the patch path of an existing object prints an Invalid error the same way', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, deploymentYaml('web', 1))
    const out = apply(sim, deploymentYaml('web', 1).replace('matchLabels: {app: web}', 'matchLabels: {app: web, tier: x}'))
    expect(out[0]).toMatch(/^The Deployment "web" is invalid: /)
    expect(out[0]).not.toContain('error when applying patch')
  })

  it('two failing documents are aggregated, each as the server words it', () => {
    const sim = newSim({ workers: 1 })
    const out = apply(sim, deploymentYaml('a', -1) + '---\n' + deploymentYaml('b', -2))
    expect(out).toEqual([
      'Error from server (Invalid): error when creating "STDIN": Deployment.apps "a" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'Error from server (Invalid): error when creating "STDIN": Deployment.apps "b" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0',
    ])
  })
})

describe('kubectl rollout pause, resume and restart refusals', () => {
  it('words them as the object pauser, resumer and restarter do', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, deploymentYaml('web', 1))
    expect(kubectl(sim, 'rollout resume deployment/web')).toBe('error: deployments.apps "web" is not paused\n')
    expect(kubectl(sim, 'rollout pause deployment/web')).toBe('deployment.apps/web paused\n')
    expect(kubectl(sim, 'rollout pause deployment/web')).toBe('error: deployments.apps "web" is already paused\n')
    expect(kubectl(sim, 'rollout restart deployment/web')).toBe(`error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`)
    expect(kubectl(sim, 'rollout resume deployment/web')).toBe('deployment.apps/web resumed\n')
    expect(kubectl(sim, 'rollout restart deployment/web')).toBe('deployment.apps/web restarted\n')
    expect(kubectl(sim, 'rollout restart deployment/web')).toBe(
      'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    )
  })
})

describe('kubectl get all', () => {
  it('one table per kind with a blank line between, none with --no-headers', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, deploymentYaml('web', 1))
    sim.advance(5_000)
    const blocks = kubectl(sim, 'get all').split('\n\n')
    expect(blocks.map((b) => b.split('\n')[1]?.split(/\s+/)[0].split('/')[0])).toEqual(['pod', 'service', 'deployment.apps', 'replicaset.apps'])
    expect(kubectl(sim, 'get all --no-headers')).not.toContain('\n\n')
  })
})
