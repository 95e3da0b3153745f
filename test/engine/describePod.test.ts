import { describe, expect, it } from 'vitest'
import { apply, kubectl, newSim, podYaml } from '../helpers.ts'

/** Container lines with the tabwriter's alignment folded to one space after the label. */
const containerLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => /^ {4}\S/.test(l))
    .map((l) => l.replace(/^( {4}[^:]+:) +/, '$1 '))

describe('kubectl describe pod: probes and environment (describeContainers)', () => {
  it('prints each probe in DescribeProbe’s words, with the API defaults filled in', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, podYaml('p', 'nginx:1.27', `    ports: [{containerPort: 80, name: http}]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 5
      periodSeconds: 5
    readinessProbe:
      httpGet: {path: /healthz, port: 8080}
    startupProbe:
      tcpSocket: {port: http}
      failureThreshold: 30
`))
    const lines = containerLines(kubectl(sim, 'describe pod p'))
    expect(lines).toContain('    Port: 80/TCP (http)')
    expect(lines).toContain('    Host Port: 0/TCP (http)')
    expect(lines).toContain('    Liveness: exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3')
    expect(lines).toContain('    Readiness: http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3')
    expect(lines).toContain('    Startup: tcp-socket :http delay=0s timeout=1s period=10s #success=1 #failure=30')
    expect(kubectl(sim, 'get pod p -o jsonpath={.spec.containers[0].readinessProbe}')).toBe(
      '{"failureThreshold":3,"httpGet":{"path":"/healthz","port":8080,"scheme":"HTTP"},"periodSeconds":10,"successThreshold":1,"timeoutSeconds":1}',
    )
  })

  it('a gRPC probe names <pod> and its (defaulted empty) service', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, podYaml('g', 'registry.k8s.io/etcd:3.5.1-0', '    livenessProbe:\n      grpc: {port: 2379}\n      initialDelaySeconds: 10\n'))
    expect(containerLines(kubectl(sim, 'describe pod g'))).toContain('    Liveness: grpc <pod>:2379  delay=10s timeout=1s period=10s #success=1 #failure=3')
  })

  it('words env sources as kubectl does', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, podYaml('e', 'nginx:1.27', `    env:
    - {name: MODE, valueFrom: {configMapKeyRef: {name: app, key: mode}}}
    - {name: PW, valueFrom: {secretKeyRef: {name: creds, key: pw, optional: true}}}
    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
    - {name: MEM, valueFrom: {resourceFieldRef: {resource: limits.memory}}}
    - {name: CPU, valueFrom: {resourceFieldRef: {resource: requests.cpu}}}
    - {name: MULTI, value: "a\\nb"}
    envFrom:
    - configMapRef: {name: app}
    - {prefix: S_, secretRef: {name: creds, optional: true}}
    resources: {requests: {cpu: 250m}}
`))
    sim.advance(5_000)
    const out = kubectl(sim, 'describe pod e')
    expect(out).toContain(`    Environment Variables from:
      app    ConfigMap                Optional: false
      creds  Secret with prefix 'S_'  Optional: true
    Environment:
      MODE:      <set to the key 'mode' of config map 'app'>  Optional: false
      PW:        <set to the key 'pw' in secret 'creds'>      Optional: true
      POD_NAME:  e (v1:metadata.name)
      NODE:      worker-1 (v1:spec.nodeName)
      MEM:       node allocatable (limits.memory)
      CPU:       1 (requests.cpu)
      MULTI:     a
                 b
`)
  })

  it('a pod in its grace period is `Terminating (lasts <invalid>)`: its deletionTimestamp lies ahead', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, podYaml('t', 'nginx:1.27'))
    sim.advance(5_000)
    kubectl(sim, 'delete pod t --wait=false')
    const out = kubectl(sim, 'describe pod t')
    expect(out).toContain('\nStatus:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n')
  })
})
