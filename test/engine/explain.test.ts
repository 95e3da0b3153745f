import { describe, expect, it } from 'vitest'
import { wrapString } from '../../src/engine/kubectl/explain/wordWrap.ts'
import { kubectl, newSim } from '../helpers.ts'

describe('go-wordwrap', () => {
  it('breaks before the word that would pass the limit, keeps long words whole and newlines as they are', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc')
    expect(wrapString('a https://example.com/very/long b', 10)).toBe('a\nhttps://example.com/very/long\nb')
    expect(wrapString('one\n\ntwo three', 5)).toBe('one\n\ntwo\nthree')
  })
})

describe('kubectl explain', () => {
  it("prints a kind's DESCRIPTION and FIELDS in kubectl's plaintext layout", () => {
    const out = kubectl(newSim(), 'explain deployment')
    expect(out.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nDESCRIPTION:\n    Deployment enables declarative updates for Pods and ReplicaSets.\n    \nFIELDS:\n  apiVersion\t<string>\n')).toBe(true)
    expect(out).toContain('\n  spec\t<DeploymentSpec>\n    Specification of the desired behavior of the Deployment.\n\n')
    expect(out.endsWith('  status\t<DeploymentStatus>\n    Most recently observed status of the Deployment.\n\n\n')).toBe(true)
  })

  it('follows a field path through lists and references, and names field types as kubectl does', () => {
    const sim = newSim()
    expect(kubectl(sim, 'explain deploy.spec.replicas')).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n\n',
    )
    const resources = kubectl(sim, 'explain pods.spec.containers.resources')
    expect(resources).toContain('KIND:       Pod\nVERSION:    v1\n\nFIELD: resources <ResourceRequirements>\n')
    expect(resources).toContain('  limits\t<map[string]Quantity>\n')
    expect(kubectl(sim, 'explain deploy.spec.template.spec.containers')).toContain('FIELD: containers <[]Container>\n')
    expect(kubectl(sim, 'explain deploy.spec.selector')).toContain('  matchLabels\t<map[string]string>\n')
  })

  it('--recursive lists the tree of names and types only', () => {
    expect(kubectl(newSim(), 'explain deployment.spec.strategy --recursive')).toContain(
      'FIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n\n',
    )
  })

  it("refuses with kubectl's errors", () => {
    const sim = newSim()
    expect(kubectl(sim, 'explain deploy.spec.nope')).toBe('error: field "nope" does not exist\n')
    expect(kubectl(sim, 'explain foo')).toBe('error: the server doesn\'t have a resource type "foo"\n')
    expect(kubectl(sim, 'explain')).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n')
    expect(kubectl(sim, 'explain a b')).toBe('error: We accept only this format: explain RESOURCE\n')
    expect(kubectl(sim, 'explain deploy --api-version=apps/v2')).toBe('error: couldn\'t find resource for "apps/v2, Resource=deployments"\n')
  })
})
