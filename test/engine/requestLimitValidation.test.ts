import { describe, expect, it } from 'vitest'
import { apply, deploymentYaml, kubectl, newSim, podYaml } from '../helpers.ts'

const resources = (requests: string, limits: string) => `    resources:\n      requests: {${requests}}\n      limits: {${limits}}\n`

describe('a request above its limit', () => {
  it('is refused for a Pod, naming the requests map, the request and the limit', () => {
    const sim = newSim()
    expect(apply(sim, podYaml('p', 'nginx:1.27', resources('cpu: "3"', 'cpu: 500m')))).toEqual([
      'The Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "3": must be less than or equal to cpu limit of 500m',
    ])
  })

  it('is refused in a Deployment template, also when set resources lowers only the limit', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 1))
    kubectl(sim, 'set resources deployment web --requests=cpu=3')
    expect(kubectl(sim, 'set resources deployment web --limits=cpu=500m')).toContain(
      'spec.template.spec.containers[0].resources.requests: Invalid value: "3": must be less than or equal to cpu limit of 500m',
    )
    expect(kubectl(sim, 'get deployment web -o jsonpath={.spec.template.spec.containers[0].resources.limits}')).toBe('')
  })

  it('is accepted when equal, or when the units differ but the amounts do not exceed', () => {
    const sim = newSim()
    expect(apply(sim, podYaml('p', 'nginx:1.27', resources('cpu: "1", memory: 512Mi', 'cpu: 1000m, memory: 1Gi')))).toEqual(['pod/p created'])
  })
})
