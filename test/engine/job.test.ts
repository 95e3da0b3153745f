import { describe, expect, it } from 'vitest'
import type { Job, KubeEvent, Pod } from '../../src/engine/api/types.ts'
import { podFailureBackoffMs } from '../../src/engine/controllers/jobPodFailures.ts'
import { formatIndexes } from '../../src/engine/controllers/completionIndexes.ts'
import { apply, kubectl, newSim, pods } from '../helpers.ts'

const jobYaml = (name: string, command: string, extra = '', restartPolicy = 'Never', image = 'busybox:1.36') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${extra}  template:
    spec:
      containers:
      - name: main
        image: ${image}
        command: ["sh", "-c", "${command}"]
      restartPolicy: ${restartPolicy}
`

const job = (sim: ReturnType<typeof newSim>, name: string) => sim.store.get<Job>('Job', 'default', name)!
const events = (sim: ReturnType<typeof newSim>, name: string) =>
  sim.store.list<KubeEvent>('Event').filter((e) => e.involvedObject.name === name).map((e) => `${e.type} ${e.reason} ${e.message}`)

describe('Job', () => {
  it('defaults and generates the selector and labels as the API server does', () => {
    const sim = newSim()
    expect(apply(sim, jobYaml('pi', 'sleep 5'))).toEqual(['job.batch/pi created'])
    const j = job(sim, 'pi')
    const uid = j.metadata.uid
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, manualSelector: false, podReplacementPolicy: 'TerminatingOrFailed' })
    expect(j.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } })
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' }
    expect(j.spec.template.metadata?.labels).toEqual(labels)
    expect(j.metadata.labels).toEqual(labels)
    const [pod] = pods(sim)
    expect(pod.metadata.name).toMatch(/^pi-[a-z0-9]{5}$/)
    expect(pod.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking'])
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'pi', controller: true, blockOwnerDeletion: true })
  })

  it('refuses restartPolicy Always and changes to the template', () => {
    const sim = newSim()
    expect(apply(sim, jobYaml('bad', 'exit 0', '', 'Always'))).toEqual([
      'The Job "bad" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ])
    apply(sim, jobYaml('j', 'sleep 100'))
    const out = apply(sim, jobYaml('j', 'sleep 200'))
    // An Invalid error of the patch path prints the same way (checkErr rebuilds it from its details).
    expect(out[0]).toMatch(/^The Job "j" is invalid: spec\.template: Invalid value: .*: field is immutable$/)
    expect(apply(sim, jobYaml('neg', 'exit 0', '  parallelism: -1\n'))[0]).toContain('spec.parallelism: Invalid value: -1: must be greater than or equal to 0')
  })

  it('runs to Complete: pod Completed, SuccessCriteriaMet then Complete, events, get and describe', () => {
    const sim = newSim()
    apply(sim, jobYaml('hello', 'echo hi; sleep 5'))
    expect(kubectl(sim, 'get jobs')).toBe('NAME    STATUS    COMPLETIONS   DURATION   AGE\nhello   Running   0/1           0s         0s\n')
    sim.advance(3_000)
    expect(job(sim, 'hello').status).toMatchObject({ active: 1, ready: 1, terminating: 0, uncountedTerminatedPods: {} })
    sim.advance(10_000)
    const j = job(sim, 'hello')
    expect(j.status.conditions?.map((c) => `${c.type} ${c.status} ${c.reason} ${c.message}`)).toEqual([
      'SuccessCriteriaMet True CompletionsReached Reached expected number of succeeded pods',
      'Complete True CompletionsReached Reached expected number of succeeded pods',
    ])
    expect(j.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0 })
    expect(j.status.active).toBeUndefined()
    expect(j.status.completionTime).toBe(j.status.conditions![1].lastTransitionTime)
    const [pod] = pods(sim)
    expect(pod.status.phase).toBe('Succeeded')
    expect(pod.metadata.finalizers).toBeUndefined()
    expect(kubectl(sim, 'get jobs')).toBe('NAME    STATUS     COMPLETIONS   DURATION   AGE\nhello   Complete   1/1           6s         13s\n')
    expect(kubectl(sim, 'get pods')).toBe(`NAME          READY   STATUS      RESTARTS   AGE\n${pod.metadata.name}   0/1     Completed   0          13s\n`)
    expect(events(sim, 'hello')).toEqual([`Normal SuccessfulCreate Created pod: ${pod.metadata.name}`, 'Normal Completed Job completed'])
    expect(kubectl(sim, 'logs job/hello')).toBe('hi\n')
    const described = kubectl(sim, 'describe job hello')
    expect(described).toContain('Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n')
    expect(described).toContain('Duration:         6s\n')
    expect(described.endsWith('  Normal  Completed         7s    job-controller  Job completed\n')).toBe(true)
  })

  it('restartPolicy Never: replaces failed pods after 10s, 20s … and fails past the backoff limit', () => {
    const sim = newSim()
    apply(sim, jobYaml('fail', 'exit 1', '  backoffLimit: 2\n'))
    const created: number[] = []
    sim.store.watch((type, obj) => {
      if (type === 'ADDED' && obj.kind === 'Pod') created.push(sim.now)
    })
    sim.advance(120_000)
    expect(pods(sim)).toHaveLength(3)
    expect(pods(sim).every((p) => p.status.phase === 'Failed')).toBe(true)
    // The first pod fails about a second in (image pull); each replacement waits 10s, then 20s, after a failure.
    expect(created.length).toBe(2)
    expect(created[1] - created[0]).toBeGreaterThanOrEqual(20_000)
    const j = job(sim, 'fail')
    expect(j.status).toMatchObject({ failed: 3, terminating: 0 })
    expect(j.status.conditions?.map((c) => `${c.type} ${c.reason}`)).toEqual(['FailureTarget BackoffLimitExceeded', 'Failed BackoffLimitExceeded'])
    expect(j.status.completionTime).toBeUndefined()
    expect(events(sim, 'fail').at(-1)).toBe('Warning BackoffLimitExceeded Job has reached the specified backoff limit')
    expect(kubectl(sim, 'get pods').split('\n').slice(1, -1).every((l) => / Error /.test(l))).toBe(true)
    expect(kubectl(sim, 'get job fail')).toBe('NAME   STATUS   COMPLETIONS   DURATION   AGE\nfail   Failed   0/1           2m         2m\n')
  })

  it('restartPolicy OnFailure: restarts count toward the limit, and the running pod is deleted', () => {
    const sim = newSim()
    apply(sim, jobYaml('crash', 'exit 1', '  backoffLimit: 2\n', 'OnFailure'))
    sim.advance(120_000)
    const j = job(sim, 'crash')
    expect(j.status.conditions?.map((c) => `${c.type} ${c.reason}`)).toEqual(['FailureTarget BackoffLimitExceeded', 'Failed BackoffLimitExceeded'])
    expect(j.status.failed).toBe(1)
    expect(pods(sim)).toHaveLength(0)
    expect(events(sim, 'crash').filter((e) => e.includes('SuccessfulDelete'))).toHaveLength(1)
  })

  it('activeDeadlineSeconds: DeadlineExceeded, active pods deleted', () => {
    const sim = newSim()
    apply(sim, jobYaml('slow', 'sleep 600', '  activeDeadlineSeconds: 20\n'))
    sim.advance(19_000)
    expect(job(sim, 'slow').status.conditions).toBeUndefined()
    sim.advance(60_000)
    const j = job(sim, 'slow')
    expect(j.status.conditions?.map((c) => `${c.type} ${c.reason} ${c.message}`)).toEqual([
      'FailureTarget DeadlineExceeded Job was active longer than specified deadline',
      'Failed DeadlineExceeded Job was active longer than specified deadline',
    ])
    expect(pods(sim)).toHaveLength(0)
  })

  it('runs completions with parallelism', () => {
    const sim = newSim()
    apply(sim, jobYaml('batch', 'sleep 5', '  completions: 5\n  parallelism: 2\n'))
    expect(pods(sim)).toHaveLength(2)
    sim.advance(60_000)
    expect(job(sim, 'batch').status.succeeded).toBe(5)
    expect(kubectl(sim, 'get job batch').split('\n')[1]).toMatch(/^batch {3}Complete {3}5\/5 /)
  })

  it('Indexed: pods named by index, with the index annotation, label, hostname and env', () => {
    const sim = newSim()
    apply(sim, jobYaml('idx', 'sleep 2', '  completions: 3\n  parallelism: 3\n  completionMode: Indexed\n'))
    const ps = pods(sim).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
    expect(ps.map((p) => p.metadata.name.replace(/[a-z0-9]{5}$/, ''))).toEqual(['idx-0-', 'idx-1-', 'idx-2-'])
    expect(ps[1].metadata.annotations?.['batch.kubernetes.io/job-completion-index']).toBe('1')
    expect(ps[1].metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe('1')
    expect(ps[1].spec.hostname).toBe('idx-1')
    expect(ps[1].spec.containers[0].env?.[0].name).toBe('JOB_COMPLETION_INDEX')
    sim.advance(30_000)
    expect(job(sim, 'idx').status).toMatchObject({ succeeded: 3, completedIndexes: '0-2' })
    expect(formatIndexes([0, 1, 2, 4, 7, 8])).toBe('0-2,4,7-8')
  })

  it('podFailurePolicy FailJob on an exit code fails the Job at once', () => {
    const sim = newSim()
    const policy = '  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [42]\n'
    apply(sim, jobYaml('pfp', 'exit 42', policy))
    sim.advance(30_000)
    const j = job(sim, 'pfp')
    const podName = sim.store.list<KubeEvent>('Event').find((e) => e.reason === 'SuccessfulCreate')!.message.slice('Created pod: '.length)
    expect(j.status.failed).toBe(1)
    expect(j.status.conditions?.at(-1)).toMatchObject({
      type: 'Failed',
      reason: 'PodFailurePolicy',
      message: `Container main for pod default/${podName} failed with exit code 42 matching FailJob rule at index 0`,
    })
    expect(apply(sim, jobYaml('pfp2', 'exit 1', policy, 'OnFailure'))[0]).toContain('spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified')
  })

  it('podFailurePolicy Ignore does not count the failure', () => {
    const sim = newSim()
    apply(sim, jobYaml('ign', 'exit 3', '  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onExitCodes:\n        operator: In\n        values: [3]\n'))
    sim.advance(30_000)
    expect(job(sim, 'ign').status.failed).toBeUndefined()
    expect(job(sim, 'ign').status.conditions).toBeUndefined()
    expect(pods(sim).length).toBeGreaterThan(1)
  })

  it('ttlSecondsAfterFinished deletes the finished Job and its pods', () => {
    const sim = newSim()
    apply(sim, jobYaml('ttl', 'exit 0', '  ttlSecondsAfterFinished: 30\n'))
    sim.advance(20_000)
    expect(job(sim, 'ttl')).toBeDefined()
    sim.advance(30_000)
    expect(sim.store.get('Job', 'default', 'ttl')).toBeUndefined()
    expect(pods(sim)).toHaveLength(0)
  })

  it('deleting a Job removes its pods (the tracking finalizer does not hold them)', () => {
    const sim = newSim()
    apply(sim, jobYaml('del', 'sleep 600'))
    sim.advance(5_000)
    expect(kubectl(sim, 'delete job del')).toBe('job.batch "del" deleted from default namespace\n')
    sim.advance(60_000)
    expect(pods(sim)).toHaveLength(0)
  })

  it('suspend stops the pods and resume starts them again', () => {
    const sim = newSim()
    apply(sim, jobYaml('sus', 'sleep 600', '  suspend: true\n'))
    sim.advance(2_000)
    expect(pods(sim)).toHaveLength(0)
    expect(kubectl(sim, 'get job sus')).toBe('NAME   STATUS      COMPLETIONS   DURATION   AGE\nsus    Suspended   0/1                      2s\n')
    apply(sim, jobYaml('sus', 'sleep 600', '  suspend: false\n'))
    expect(pods(sim)).toHaveLength(1)
    expect(events(sim, 'sus')).toContain('Normal Resumed Job resumed')
  })

  it('pod failure back-off: 10s doubling, capped at 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(podFailureBackoffMs)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000, 600_000])
  })

  it('the docs\' pi Job completes and prints π', () => {
    const sim = newSim()
    apply(sim, jobYaml('pi', '', '  backoffLimit: 4\n', 'Never', 'perl:5.34.0').replace('command: ["sh", "-c", ""]', 'command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]'))
    sim.advance(60_000)
    expect(kubectl(sim, 'get job pi').split('\n')[1]).toMatch(/^pi {5}Complete {3}1\/1 /)
    const logs = kubectl(sim, 'logs job/pi')
    expect(logs.startsWith('3.14159265358979323846')).toBe(true)
    expect(logs.length).toBe(2001 + 1)
    void (pods(sim) as Pod[])
  })
})
