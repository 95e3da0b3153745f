import { describe, expect, it } from 'vitest'
import type { KubeEvent, Node, Pod } from '../../src/engine/api/types.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

type Sim = ReturnType<typeof newSim>

const pod = (sim: Sim, name: string) => sim.store.get<Pod>('Pod', 'default', name)!
const row = (sim: Sim, name: string) => kubectl(sim, `get pod ${name} --no-headers`).split(/\s+/).slice(1, 4).join(' ')
/** The pod's kubelet events in order, as `reason container` (or just the reason for pod-level events). */
const kubeletEvents = (sim: Sim, name: string) =>
  sim.store
    .list<KubeEvent>('Event', 'default')
    .filter((e) => e.involvedObject.name === name && e.source?.component === 'kubelet')
    .sort((a, b) => (a.firstTimestamp ?? '').localeCompare(b.firstTimestamp ?? '') || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.reason}${e.involvedObject.fieldPath ? ' ' + /\{(.*)\}/.exec(e.involvedObject.fieldPath)![1] : ''}`)
const condition = (p: Pod, type: string) => p.status.conditions?.find((c) => c.type === type)

const initPod = (name: string, inits: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  initContainers:
${inits}  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
`
const init = (name: string, script: string, more = '') => `  - name: ${name}
    image: busybox:1.36
    command: ["sh", "-c", "${script}"]
${more}`

describe('syncPod: the next step', () => {
  it('waits for volumes before the sandbox, then pulls, creates and starts', () => {
    const sim = newSim()
    apply(sim, `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{name: cfg, mountPath: /etc/cfg}]
  volumes:
  - name: cfg
    configMap: {name: settings}
`)
    sim.advance(15_000)
    expect(kubeletEvents(sim, 'p')).toEqual(['FailedMount'])
    expect(sim.store.list<KubeEvent>('Event', 'default').find((e) => e.reason === 'FailedMount')?.count).toBe(2)
    expect(pod(sim, 'p').status.podIP).toBeUndefined()
    apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: "1"}\n')
    sim.advance(15_000)
    expect(kubeletEvents(sim, 'p').slice(1)).toEqual(['Pulling app', 'Pulled app', 'Created app', 'Started app'])
    expect(row(sim, 'p')).toBe('1/1 Running 0')
  })
})

describe('init containers', () => {
  it('run one at a time, in order, before the app container', () => {
    const sim = newSim()
    apply(sim, initPod('p', init('first', 'sleep 3') + init('second', 'sleep 3')))
    sim.advance(2_000)
    expect(row(sim, 'p')).toBe('0/1 Init:0/2 0')
    const p = pod(sim, 'p')
    expect(condition(p, 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [first second]' })
    expect(p.status.phase).toBe('Pending')
    expect(p.status.initContainerStatuses!.map((s) => Object.keys(s.state)[0])).toEqual(['running', 'waiting'])
    expect(p.status.containerStatuses![0].state.waiting?.reason).toBe('PodInitializing')
    sim.advance(4_000)
    expect(row(sim, 'p')).toBe('0/1 Init:1/2 0')
    sim.advance(10_000)
    expect(row(sim, 'p')).toBe('1/1 Running 0')
    expect(kubeletEvents(sim, 'p')).toEqual([
      'Pulling first', 'Pulled first', 'Created first', 'Started first',
      'Pulled second', 'Created second', 'Started second',
      'Pulled app', 'Created app', 'Started app',
    ])
    const done = pod(sim, 'p')
    expect(condition(done, 'Initialized')?.status).toBe('True')
    // The second began only after the first finished.
    const [first, second] = done.status.initContainerStatuses!
    expect(Date.parse(second.state.terminated!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(first.state.terminated!.finishedAt!))
    expect(first).toMatchObject({ ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } })
  })

  it('a failing one is restarted with back-off and the app never starts', () => {
    const sim = newSim()
    apply(sim, initPod('p', init('migrate', 'echo nope; exit 1')))
    sim.advance(2_000)
    expect(row(sim, 'p')).toBe('0/1 Init:Error 0')
    sim.advance(60_000)
    expect(row(sim, 'p')).toBe('0/1 Init:CrashLoopBackOff 3')
    expect(kubeletEvents(sim, 'p')).not.toContain('Started app')
    expect(kubeletEvents(sim, 'p')).toContain('BackOff migrate')
    expect(pod(sim, 'p').status.phase).toBe('Pending')
    expect(kubectl(sim, 'logs p -c migrate')).toBe('nope\n')
  })

  it('with restartPolicy Never a failing one fails the pod', () => {
    const sim = newSim()
    apply(sim, initPod('p', init('check', 'exit 3'), '  restartPolicy: Never\n'))
    sim.advance(30_000)
    expect(row(sim, 'p')).toBe('0/1 Init:Error 0')
    const p = pod(sim, 'p')
    expect(p.status.phase).toBe('Failed')
    expect(p.status.initContainerStatuses![0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(kubeletEvents(sim, 'p').filter((e) => e.startsWith('Started'))).toEqual(['Started check'])
  })

  it('logs of an init container that has not started are refused as kubectl is', () => {
    const sim = newSim()
    apply(sim, initPod('p', init('first', 'sleep 30') + init('second', 'echo hi')))
    sim.advance(5_000)
    expect(kubectl(sim, 'logs p -c second')).toBe('Error from server (BadRequest): container "second" in pod "p" is waiting to start: PodInitializing\n')
  })
})

describe('native sidecars', () => {
  const sidecar = (probe = '') => `  - name: proxy
    image: nginx:1.27
    restartPolicy: Always
${probe}`

  it('start first, keep running, count in READY, and the app waits for their startup probe', () => {
    const sim = newSim()
    const probe = '    startupProbe:\n      httpGet: {path: /, port: 80}\n      initialDelaySeconds: 5\n      periodSeconds: 5\n'
    apply(sim, initPod('p', sidecar(probe)))
    sim.advance(4_000)
    expect(row(sim, 'p')).toBe('0/2 Init:0/1 0')
    expect(kubeletEvents(sim, 'p')).not.toContain('Pulling app')
    sim.advance(10_000)
    expect(row(sim, 'p')).toBe('2/2 Running 0')
    const p = pod(sim, 'p')
    expect(p.status.initContainerStatuses![0]).toMatchObject({ name: 'proxy', started: true, ready: true })
    expect(condition(p, 'Initialized')?.status).toBe('True')
  })

  it('are restarted when they exit, and their restarts show', () => {
    const sim = newSim()
    apply(sim, initPod('p', `  - name: shipper
    image: busybox:1.36
    restartPolicy: Always
    command: ["sh", "-c", "sleep 5; exit 1"]
`))
    sim.advance(20_000)
    const p = pod(sim, 'p')
    expect(p.status.initContainerStatuses![0].restartCount).toBe(1)
    expect(p.status.containerStatuses![0]).toMatchObject({ restartCount: 0, ready: true, state: { running: {} } })
    // printPod counts a sidecar's restarts, and shows its crash loop as kubectl does.
    expect(row(sim, 'p')).toBe('1/2 Init:CrashLoopBackOff 1')
  })

  it('are stopped after the app containers on deletion', () => {
    const sim = newSim()
    apply(sim, initPod('p', sidecar(), '  terminationGracePeriodSeconds: 10\n'))
    sim.advance(20_000)
    kubectl(sim, 'delete pod p --wait=false')
    sim.advance(100)
    expect(kubeletEvents(sim, 'p').filter((e) => e.startsWith('Killing'))).toEqual(['Killing app'])
    // busybox's shell ignores SIGTERM: the app goes at the end of the grace period, then the sidecar.
    sim.advance(9_950)
    expect(kubeletEvents(sim, 'p').filter((e) => e.startsWith('Killing'))).toEqual(['Killing app', 'Killing proxy'])
    expect(pod(sim, 'p').status.containerStatuses![0].state.terminated?.exitCode).toBe(137)
    expect(pod(sim, 'p').status.initContainerStatuses![0].state.running).toBeDefined()
    sim.advance(2_000)
    expect(sim.store.get('Pod', 'default', 'p')).toBeUndefined()
  })
})

describe('lifecycle hooks', () => {
  const hooked = (name: string, lifecycle: string, grace = 30, image = 'busybox:1.36', command = '    command: ["sh", "-c", "sleep 3600"]\n') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  terminationGracePeriodSeconds: ${grace}
  containers:
  - name: app
    image: ${image}
${command}    lifecycle:
${lifecycle}`

  it('a failing postStart kills the container: FailedPostStartHook, then PostStartHookError and back-off', () => {
    const sim = newSim()
    apply(sim, hooked('p', '      postStart:\n        exec:\n          command: ["sh", "-c", "exit 1"]\n', 2))
    sim.advance(4_000)
    expect(kubeletEvents(sim, 'p')).toEqual(['Pulling app', 'Pulled app', 'Created app', 'Started app', 'FailedPostStartHook app', 'Killing app'])
    const killing = sim.store.list<KubeEvent>('Event', 'default').find((e) => e.reason === 'Killing')!
    expect(killing.message).toBe('FailedPostStartHook')
    expect(row(sim, 'p')).toBe('0/1 PostStartHookError 0')
    expect(pod(sim, 'p').status.containerStatuses![0].lastState.terminated?.exitCode).toBe(137)
    sim.advance(30_000)
    expect(row(sim, 'p')).toMatch(/CrashLoopBackOff/)
  })

  it('a succeeding postStart leaves the container running', () => {
    const sim = newSim()
    apply(sim, hooked('p', '      postStart:\n        exec:\n          command: ["sh", "-c", "echo hi > /tmp/x"]\n'))
    sim.advance(10_000)
    expect(row(sim, 'p')).toBe('1/1 Running 0')
    expect(kubeletEvents(sim, 'p')).not.toContain('FailedPostStartHook app')
  })

  it('preStop runs before SIGTERM: a server stops when its hook ends', () => {
    const sim = newSim()
    apply(sim, hooked('p', '      preStop:\n        exec:\n          command: ["sh", "-c", "sleep 5"]\n', 30, 'nginx:1.27', ''))
    sim.advance(10_000)
    kubectl(sim, 'delete pod p --wait=false')
    sim.advance(5_000)
    expect(sim.store.get('Pod', 'default', 'p')).toBeDefined()
    sim.advance(500)
    expect(sim.store.get('Pod', 'default', 'p')).toBeUndefined()
  })

  it('a preStop longer than the grace period leaves the container two more seconds; a failing one records FailedPreStopHook', () => {
    const sim = newSim()
    apply(sim, hooked('slow', '      preStop:\n        sleep: {seconds: 60}\n', 5))
    apply(sim, hooked('bad', '      preStop:\n        httpGet: {path: /quit, port: 8080}\n', 5))
    sim.advance(10_000)
    kubectl(sim, 'delete pod slow bad --wait=false')
    sim.advance(5_100)
    expect(sim.store.get('Pod', 'default', 'slow')).toBeDefined()
    expect(sim.store.get('Pod', 'default', 'bad')).toBeUndefined()
    sim.advance(2_000)
    expect(sim.store.get('Pod', 'default', 'slow')).toBeUndefined()
    const failed = sim.store.list<KubeEvent>('Event', 'default').filter((e) => e.reason === 'FailedPreStopHook')
    expect(failed.map((e) => [e.involvedObject.name, e.type, e.message])).toEqual([['bad', 'Warning', 'PreStopHook failed']])
  })
})

describe('node status', () => {
  it('lists the images the kubelet pulled, largest first, by digest and tag; conditions are all there', () => {
    const sim = newSim()
    apply(sim, initPod('p', init('first', 'true'), '  nodeName: worker-1\n').replace('image: busybox:1.36\n    command: ["sh", "-c", "sleep 3600"]', 'image: nginx:1.27'))
    sim.advance(20_000)
    const node = sim.store.get<Node>('Node', undefined, 'worker-1')!
    const images = node.status.images!
    expect(images.map((i) => i.names[1])).toEqual(['docker.io/library/nginx:1.27', 'docker.io/library/busybox:1.36'])
    expect(images[0].names[0]).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    expect(images[0].sizeBytes).toBeGreaterThan(images[1].sizeBytes)
    expect(node.status.conditions.map((c) => c.type)).toEqual(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'])
  })
})

describe('init container validation', () => {
  it('allows only restartPolicy Always, and hooks and probes only on sidecars', () => {
    const sim = newSim()
    const out = apply(sim, initPod('p', init('i', 'true', '    restartPolicy: Never\n') + init('j', 'true', '    readinessProbe:\n      exec: {command: [cat, /x]}\n')))
    expect(out.join('\n')).toBe(
      'The Pod "p" is invalid: \n' +
        '* spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"\n' +
        '* spec.initContainers[1].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    )
  })
})

describe('a kill for a failed probe', () => {
  it('runs the preStop hook before SIGTERM too', () => {
    const sim = newSim()
    apply(sim, `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    livenessProbe:
      httpGet: {path: /missing, port: 80}
      periodSeconds: 5
    lifecycle:
      preStop:
        exec:
          command: ["sh", "-c", "sleep 8"]
`)
    // Started at 3.15s, the third failure kills it at 13.15s; the hook holds SIGTERM back 8.1s.
    sim.advance(20_000)
    expect(pod(sim, 'p').status.containerStatuses![0]).toMatchObject({ restartCount: 0, state: { running: {} } })
    sim.advance(2_000)
    expect(pod(sim, 'p').status.containerStatuses![0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })
})
