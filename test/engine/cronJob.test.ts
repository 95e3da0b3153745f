import { describe, expect, it } from 'vitest'
import type { CronJob, Job, KubeEvent } from '../../src/engine/api/types.ts'
import { parseCronSchedule, rfc3339In } from '../../src/engine/util/cronSchedule.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

const cronYaml = (name: string, schedule: string, command: string, extra = '') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "${schedule}"
${extra}  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: main
            image: busybox:1.36
            command: ["sh", "-c", "${command}"]
          restartPolicy: OnFailure
`
type Sim = ReturnType<typeof newSim>
const jobs = (sim: Sim) => sim.store.list<Job>('Job').map((j) => j.metadata.name)
const cron = (sim: Sim, name: string) => sim.store.get<CronJob>('CronJob', 'default', name)!
const events = (sim: Sim, name: string) =>
  sim.store.list<KubeEvent>('Event').filter((e) => e.involvedObject.name === name).map((e) => `${e.type} ${e.reason} ${e.message}`)
const INVALID = (name: string, detail: string) => `Error from server (Invalid): error when creating "STDIN": The CronJob "${name}" is invalid: ${detail}`

describe('CronJob schedules', () => {
  it('validates with robfig/cron\'s messages', () => {
    const sim = newSim()
    expect(apply(sim, cronYaml('a', '* * *', 'true'))).toEqual([INVALID('a', 'spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]')])
    expect(apply(sim, cronYaml('b', '*/0 * * * *', 'true'))).toEqual([INVALID('b', 'spec.schedule: Invalid value: "*/0 * * * *": step of range should be a positive number: */0')])
    expect(apply(sim, cronYaml('c', 'x * * * *', 'true'))).toEqual([INVALID('c', 'spec.schedule: Invalid value: "x * * * *": failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax')])
    expect(apply(sim, cronYaml('d', '@fortnightly', 'true'))).toEqual([INVALID('d', 'spec.schedule: Invalid value: "@fortnightly": unrecognized descriptor: @fortnightly')])
    expect(apply(sim, cronYaml('e', 'TZ=UTC * * * * *', 'true'))).toEqual([INVALID('e', 'spec.schedule: Invalid value: "TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead')])
    expect(apply(sim, cronYaml('f', '* * * * *', 'true', '  timeZone: Mars/Base\n'))).toEqual([INVALID('f', 'spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base')])
    expect(apply(sim, cronYaml('g', '* * * * *', 'true', '  concurrencyPolicy: Sometimes\n'))).toEqual([
      INVALID('g', 'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'),
    ])
    expect(apply(sim, cronYaml('h', '0 9 * * 1-5', 'true', '  timeZone: Europe/Paris\n'))).toEqual(['cronjob.batch/h created'])
  })

  it('computes next times from the time it is given, with macros and time zones', () => {
    const at = Date.UTC(2026, 0, 5, 9, 0, 0)
    const iso = (ms: number | undefined) => new Date(ms!).toISOString()
    expect(iso(parseCronSchedule('*/5 * * * *').next(at))).toBe('2026-01-05T09:05:00.000Z')
    expect(iso(parseCronSchedule('@hourly').next(at))).toBe('2026-01-05T10:00:00.000Z')
    expect(iso(parseCronSchedule('@daily').next(at))).toBe('2026-01-06T00:00:00.000Z')
    expect(iso(parseCronSchedule('0 9 * * *', 'America/New_York').next(at))).toBe('2026-01-05T14:00:00.000Z')
    expect(iso(parseCronSchedule('@every 90s').next(at))).toBe('2026-01-05T09:01:30.000Z')
    expect(rfc3339In(Date.UTC(2026, 0, 5, 14, 0, 0), 'America/New_York')).toBe('2026-01-05T09:00:00-05:00')
  })
})

describe('CronJob controller', () => {
  it('creates a Job each minute named by minutes since the epoch, and keeps three successful ones', () => {
    const sim = newSim()
    apply(sim, cronYaml('hello', '* * * * *', 'echo hello'))
    expect(kubectl(sim, 'get cronjobs')).toBe('NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   * * * * *   <none>     False     0        <none>          0s\n')
    sim.advance(60_500)
    const first = `hello-${Date.UTC(2026, 0, 5, 9, 1) / 60_000}`
    expect(jobs(sim)).toEqual([first])
    const job = sim.store.get<Job>('Job', 'default', first)!
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-05T09:01:00Z')
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true, blockOwnerDeletion: true })
    expect(cron(sim, 'hello').status.active?.map((r) => r.name)).toEqual([first])
    expect(kubectl(sim, 'get cj hello').split('\n')[1]).toBe('hello   * * * * *   <none>     False     1        0s              60s')
    sim.advance(5 * 60_000)
    // The 09:06 Job is still running: only finished Jobs count against the history limit.
    expect(jobs(sim)).toHaveLength(4)
    sim.advance(20_000)
    expect(jobs(sim)).toHaveLength(3)
    expect(jobs(sim)[2]).toBe(`hello-${Date.UTC(2026, 0, 5, 9, 6) / 60_000}`)
    const status = cron(sim, 'hello').status
    expect(status.lastScheduleTime).toBe('2026-01-05T09:06:00Z')
    expect(status.lastSuccessfulTime).toMatch(/^2026-01-05T09:06:0\dZ$/)
    const ev = events(sim, 'hello')
    expect(ev.slice(0, 2)).toEqual([`Normal SuccessfulCreate Created job ${first}`, `Normal SawCompletedJob Saw completed job: ${first}, status: Complete`])
    expect(ev).toContain(`Normal SuccessfulDelete Deleted job ${first}`)
  })

  it('keeps one failed Job', () => {
    const sim = newSim()
    apply(sim, cronYaml('bad', '* * * * *', 'exit 1', '').replace('restartPolicy: OnFailure', 'restartPolicy: Never').replace('    spec:\n      template', '    spec:\n      backoffLimit: 0\n      template'))
    sim.advance(4 * 60_000 + 30_000)
    expect(jobs(sim)).toEqual([`bad-${Date.UTC(2026, 0, 5, 9, 4) / 60_000}`])
    expect(events(sim, 'bad')).toContain(`Normal SawCompletedJob Saw completed job: bad-${Date.UTC(2026, 0, 5, 9, 1) / 60_000}, status: Failed`)
  })

  it('Forbid skips a run while one is active; Replace deletes it', () => {
    const sim = newSim()
    apply(sim, cronYaml('fb', '* * * * *', 'sleep 90', '  concurrencyPolicy: Forbid\n'))
    apply(sim, cronYaml('rp', '* * * * *', 'sleep 90', '  concurrencyPolicy: Replace\n'))
    sim.advance(2 * 60_000 + 500)
    expect(events(sim, 'fb')).toContain('Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid')
    expect(jobs(sim).filter((n) => n.startsWith('fb-'))).toHaveLength(1)
    expect(events(sim, 'rp')).toContain(`Normal SuccessfulDelete Deleted job rp-${Date.UTC(2026, 0, 5, 9, 1) / 60_000}`)
    expect(cron(sim, 'rp').status.active?.map((r) => r.name)).toEqual([`rp-${Date.UTC(2026, 0, 5, 9, 2) / 60_000}`])
  })

  it('suspend stops scheduling; the controller wakes only at scheduled times', () => {
    const sim = newSim()
    apply(sim, cronYaml('s', '*/10 * * * *', 'true', '  suspend: true\n'))
    sim.advance(30 * 60_000)
    expect(jobs(sim)).toEqual([])
    const sim2 = newSim()
    apply(sim2, cronYaml('w', '0 * * * *', 'true'))
    let syncs = 0
    sim2.store.watch((_t, obj) => {
      if (obj.kind === 'CronJob') syncs++
    })
    sim2.advance(59 * 60_000)
    expect(syncs).toBe(0)
  })

  it('kubectl create job --from=cronjob marks the Job manual', () => {
    const sim = newSim()
    apply(sim, cronYaml('hello', '0 0 * * *', 'echo hi'))
    expect(kubectl(sim, 'create job manual --from=cronjob/hello')).toBe('job.batch/manual created\n')
    const job = sim.store.get<Job>('Job', 'default', 'manual')!
    expect(job.metadata.annotations?.['cronjob.kubernetes.io/instantiate']).toBe('manual')
    expect(job.metadata.ownerReferences?.[0]).toEqual({ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cron(sim, 'hello').metadata.uid, controller: true })
    expect(kubectl(sim, 'create job x --from=deployment/hello')).toBe('Error from server (NotFound): deployments.apps "hello" not found\n')
    expect(kubectl(sim, 'create job x')).toBe('error: either --image or --from must be specified\n')
    expect(kubectl(sim, 'create job plain --image=busybox:1.36')).toBe('job.batch/plain created\n')
    expect(kubectl(sim, 'create cronjob c --image=busybox:1.36 --schedule=@hourly')).toBe('cronjob.batch/c created\n')
  })
})
