import { describe, expect, it } from 'vitest'
import type { Container } from '../../src/engine/api/types.ts'
import { containerResourceValue } from '../../src/engine/util/containerResourceValue.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

const container = { name: 'c', image: 'busybox', resources: { requests: { cpu: '125m', memory: '32Mi' }, limits: { cpu: '250m', memory: '64Mi' } } } as Container

describe("downward API resourceFieldRef (ExtractContainerResourceValue)", () => {
  it('divides by the divisor (default 1) and rounds up: CPU in millicores, memory in bytes', () => {
    expect(containerResourceValue({ resource: 'requests.cpu' }, container)).toBe('1')
    expect(containerResourceValue({ resource: 'limits.cpu', divisor: '1m' }, container)).toBe('250')
    expect(containerResourceValue({ resource: 'limits.cpu', divisor: '100m' }, container)).toBe('3')
    expect(containerResourceValue({ resource: 'requests.memory' }, container)).toBe('33554432')
    expect(containerResourceValue({ resource: 'limits.memory', divisor: '1Mi' }, container)).toBe('64')
    expect(containerResourceValue({ resource: 'limits.memory', divisor: '1G' }, container)).toBe('1')
    expect(containerResourceValue({ resource: 'limits.nvidia.com/gpu' }, container)).toBeUndefined()
  })

  it('an unset limit reads the node allocatable; an unset request reads 0', () => {
    const bare = { name: 'c', image: 'busybox' } as Container
    expect(containerResourceValue({ resource: 'limits.cpu', divisor: '1m' }, bare, { cpu: '2', memory: '4Gi' })).toBe('2000')
    expect(containerResourceValue({ resource: 'limits.memory', divisor: '1Mi' }, bare, { cpu: '2', memory: '4Gi' })).toBe('4096')
    expect(containerResourceValue({ resource: 'requests.cpu' }, bare, { cpu: '2' })).toBe('0')
  })

  it("the docs' dapi-envars-resourcefieldref logs what the docs show", () => {
    const sim = newSim({ workers: 1 })
    apply(sim, `apiVersion: v1
kind: Pod
metadata:
  name: dapi-envars-resourcefieldref
spec:
  containers:
    - name: test-container
      image: registry.k8s.io/busybox:1.27.2
      command: [ "sh", "-c"]
      args:
      - while true; do
          echo -en '\\n';
          printenv MY_CPU_REQUEST MY_CPU_LIMIT;
          printenv MY_MEM_REQUEST MY_MEM_LIMIT;
          sleep 10;
        done;
      resources:
        requests: {memory: "32Mi", cpu: "125m"}
        limits: {memory: "64Mi", cpu: "250m"}
      env:
        - {name: MY_CPU_REQUEST, valueFrom: {resourceFieldRef: {containerName: test-container, resource: requests.cpu}}}
        - {name: MY_CPU_LIMIT, valueFrom: {resourceFieldRef: {containerName: test-container, resource: limits.cpu}}}
        - {name: MY_MEM_REQUEST, valueFrom: {resourceFieldRef: {containerName: test-container, resource: requests.memory}}}
        - {name: MY_MEM_LIMIT, valueFrom: {resourceFieldRef: {containerName: test-container, resource: limits.memory}}}
  restartPolicy: Never
`)
    sim.advance(5_000)
    expect(kubectl(sim, 'logs dapi-envars-resourcefieldref')).toBe('\n1\n1\n33554432\n67108864\n')
  })
})
