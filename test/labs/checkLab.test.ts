import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseScript } from '../../src/cli/scriptParser.ts'
import { runKubectl } from '../../src/engine/kubectl/runKubectl.ts'
import { TrafficLog } from '../../src/engine/network/trafficLog.ts'
import { holds, parseAssertion } from '../../src/labs/assertions.ts'
import { checkLab, parseAttempt } from '../../src/labs/checkLab.ts'
import { runAsStudent, startLab, type LabRun } from '../../src/labs/labRun.ts'
import { parseLab } from '../../src/labs/parseLab.ts'
import { SCALE_LAB, WEB_DEPLOYMENT } from './labFixtures.ts'

const BIN = join(__dirname, '../../bin/kubesim.mjs')
const attempt = (...lines: string[]) => parseAttempt(lines.join('\n'))
const lab = (...lines: string[]) => parseLab(lines.join('\n'))

describe('checkLab', () => {
  it('passes a lab whose solutions complete it', () => {
    expect(checkLab(parseLab(SCALE_LAB))).toEqual({
      output: 'PASS  1  Create the Deployment\nPASS  2  Scale it to 4\nPASS  3  List its pods\n3/3 steps passed\n',
      exitCode: 0,
    })
  })

  it('fails a wrong attempt on the step it got wrong, with the first assertion that did not hold; later steps are not reached', () => {
    const wrong = attempt(...WEB_DEPLOYMENT, 'advance 30s', 'kubectl scale deployment web --replicas=3', 'advance 30s', 'kubectl get pods -l app=web')
    expect(checkLab(parseLab(SCALE_LAB), { attempt: wrong })).toEqual({
      output: [
        'PASS  1  Create the Deployment',
        'FAIL  2  Scale it to 4: kubectl get deploy web -o jsonpath={.spec.replicas} == 4',
        'FAIL  3  List its pods: not reached',
        '1/3 steps passed',
        '',
      ].join('\n'),
      exitCode: 1,
    })
  })

  it('names the later assertion when the first holds (scaled, but not yet available)', () => {
    const early = attempt(...WEB_DEPLOYMENT, 'advance 30s', 'kubectl scale deployment web --replicas=4')
    expect(checkLab(parseLab(SCALE_LAB), { attempt: early }).output).toContain('FAIL  2  Scale it to 4: kubectl get deploy web -o jsonpath={.status.availableReplicas} == 4\n')
  })

  it('an empty attempt fails the first step and reaches no other', () => {
    expect(checkLab(parseLab(SCALE_LAB), { attempt: [] }).output).toBe(
      'FAIL  1  Create the Deployment: kubectl get deploy web -o jsonpath={.status.availableReplicas} == 2\nFAIL  2  Scale it to 4: not reached\nFAIL  3  List its pods: not reached\n0/3 steps passed\n',
    )
  })

  const alreadyDone = lab(
    '---',
    'title: Nothing to do',
    'setup: |',
    ...WEB_DEPLOYMENT.map((l) => '  ' + l),
    '  advance 30s',
    '---',
    '## See it run',
    '```solution',
    'kubectl get deploy',
    '```',
    '```check',
    'kubectl get deploy web -o jsonpath={.status.readyReplicas} == 2',
    '```',
    '## Look at it',
    '```solution',
    'kubectl get deploy web',
    '```',
    '```check',
    'history =~ ^kubectl get deploy',
    '```',
  )

  it('fails a step whose checks hold before its solution runs: it checks nothing', () => {
    expect(checkLab(alreadyDone).output).toBe('FAIL  1  See it run: passes before the student acts\nFAIL  2  Look at it: passes before the student acts\n0/2 steps passed\n')
  })

  it('with an attempt, evaluates right after setup, and several steps pass at once', () => {
    expect(checkLab(alreadyDone, { attempt: attempt('kubectl get deploy') })).toEqual({
      output: 'PASS  1  See it run\nPASS  2  Look at it\n2/2 steps passed\n',
      exitCode: 0,
    })
  })
})

describe('history', () => {
  const historyLab = lab(
    '---',
    'title: History',
    'setup: |',
    '  kubectl get pods',
    '---',
    '## Create web',
    '```check',
    'kubectl get deploy web -o name == deployment.apps/web',
    '```',
    '## List pods',
    '```check',
    'history =~ ^kubectl get pods$',
    '```',
  )

  it('does not count setup lines', () => {
    const result = checkLab(historyLab, { attempt: attempt(...WEB_DEPLOYMENT) })
    expect(result.output).toBe('PASS  1  Create web\nFAIL  2  List pods: history =~ ^kubectl get pods$\n1/2 steps passed\n')
  })

  it('counts commands from the start of the lab, not only from when their step became current', () => {
    const result = checkLab(historyLab, { attempt: attempt('kubectl get pods', ...WEB_DEPLOYMENT) })
    expect(result.output).toBe('PASS  1  Create web\nPASS  2  List pods\n2/2 steps passed\n')
  })

  it('holds the kubectl lines as written, heredoc lines with their marker', () => {
    const run = startLab(historyLab, 1)
    for (const step of parseScript(['kubectl  get   pods', ...WEB_DEPLOYMENT, 'advance 5s', 'kubectl get pods -o wide'].join('\n'))) runAsStudent(run, step)
    expect(run.history).toEqual(['kubectl  get   pods', 'kubectl apply -f - <<EOF', 'kubectl get pods -o wide'])
    expect(holds(parseAssertion('history =~ ^kubectl apply -f - <<EOF$', 1), run)).toBe(true)
    expect(holds(parseAssertion('history =~ ^kubectl get pods$', 1), run)).toBe(false)
  })

  it('headless without an attempt, is the solutions run so far', () => {
    const solutionsLab = lab('---', 'title: S', '---', '## One', '```solution', 'kubectl get nodes', '```', '```check', 'history =~ nodes', '```', '## Two', '```check', 'history =~ nodes', '```')
    expect(checkLab(solutionsLab).output).toBe('PASS  1  One\nFAIL  2  Two: passes before the student acts\n1/2 steps passed\n')
  })
})

describe('checks read only', () => {
  /** Every kind of read a check may make, and then some. */
  const READS = [
    'kubectl get all -A -o yaml == x',
    'kubectl get pods,deploy,rs,nodes,events -A -o wide == x',
    'kubectl get events -A --sort-by=.lastTimestamp == x',
    'kubectl describe pods == x',
    'kubectl describe nodes == x',
    'kubectl describe deploy web == x',
    'kubectl events -A == x',
    'kubectl logs deploy/web == x',
    'kubectl logs crash --previous == x',
    'kubectl rollout history deploy/web == x',
    'kubectl config view == x',
    'kubectl explain pods.spec == x',
    'kubectl api-resources == x',
    'kubectl cluster-info == x',
    'kubectl version == x',
    'kubectl get pods -n nowhere == x',
    'kubectl get deploy missing == x',
    'kubectl exec deploy/web -- curl -s web == x',
    'kubectl exec client -- wget -qO- web.default.svc.cluster.local == x',
    'kubectl exec client -- nslookup web == x',
    'kubectl exec client -- cat /etc/hostname == x',
  ].map((line, i) => parseAssertion(line, i + 1))

  const student = parseScript(
    [
      ...WEB_DEPLOYMENT,
      'kubectl expose deploy web --port=80',
      'kubectl run client --image=busybox -- sleep 3600',
      'kubectl run crash --image=ubuntu',
      'advance 20s',
      'kubectl exec client -- wget -qO- web',
      'kubectl scale deploy web --replicas=3',
      'advance 3m',
      'fault node-down worker-1',
      'advance 2m',
      'kubectl delete pod crash',
      'advance 40s',
    ].join('\n'),
  )

  /** What a run looks like from outside: time, every object, what kubectl shows, the queue, the random stream. */
  function observe(run: LabRun) {
    return {
      now: run.sim.now,
      objects: JSON.stringify(run.sim.store.all()),
      events: runKubectl(run.sim, ['get', 'events', '-A']),
      describe: runKubectl(run.sim, ['describe', 'pods', '-A']),
      queued: run.sim.ctx.queue.size,
      random: run.sim.ctx.rng.next(),
      traffic: structuredClone({ ...TrafficLog.of(run.sim.ctx) }),
    }
  }

  it('leave the cluster, the clock, the random stream and the traffic log as they were', () => {
    const base = parseLab(SCALE_LAB)
    const checked = startLab(base, 3)
    const untouched = startLab(base, 3)
    for (const step of student) {
      runAsStudent(checked, step)
      runAsStudent(untouched, step)
      // As the app does, many times over, after every command.
      for (let i = 0; i < 3; i++) for (const read of READS) holds(read, checked)
    }
    const seen = observe(checked)
    expect(seen).toEqual(observe(untouched))
    // The student's own request is there; the checks' hundreds are not.
    expect(JSON.stringify(seen.traffic).match(/"from"/g)).toHaveLength(1)
  })

  it("run in the lab's starting namespace whatever context the student switched to, and leave the student's context alone", () => {
    const run = startLab(parseLab(SCALE_LAB), 1)
    for (const step of parseScript([...WEB_DEPLOYMENT, 'kubectl create namespace dev', 'kubectl config set-context --current --namespace=dev'].join('\n'))) runAsStudent(run, step)
    expect(runKubectl(run.sim, ['get', 'deploy'])).toBe('No resources found in dev namespace.\n')
    expect(holds(parseAssertion('kubectl get deploy -o name == deployment.apps/web', 1), run)).toBe(true)
    expect(holds(parseAssertion('kubectl get deploy -n dev -o name ==', 1), run)).toBe(true)
    // kubectl config reads show the student's kubeconfig: that is what they ask about.
    expect(holds(parseAssertion('kubectl config view --minify -o jsonpath={..namespace} == dev', 1), run)).toBe(true)
    expect(runKubectl(run.sim, ['config', 'view', '--minify', '-o', 'jsonpath={..namespace}'])).toBe('dev')
  })

  it('compare trimmed output with ==, and match line by line with =~ and !~', () => {
    const run = startLab(parseLab(SCALE_LAB), 1)
    for (const step of parseScript([...WEB_DEPLOYMENT, 'advance 30s'].join('\n'))) runAsStudent(run, step)
    const check = (line: string) => holds(parseAssertion(line, 1), run)
    expect(check('kubectl get deploy web -o name == deployment.apps/web')).toBe(true)
    expect(check('kubectl get deploy web -o name == web')).toBe(false)
    expect(check('kubectl get deploy web -o jsonpath={.status.readyReplicas} == 2')).toBe(true)
    expect(check('kubectl get deploy web =~ ^web +2/2 ')).toBe(true)
    expect(check('kubectl get deploy web =~ ^NAME.*web')).toBe(false)
    expect(check('kubectl get pods !~ Pending|CrashLoopBackOff')).toBe(true)
    expect(check('kubectl get pods !~ Running')).toBe(false)
    // stdout and stderr together, as a transcript shows them.
    expect(check('kubectl get deploy nope =~ ^Error from server \\(NotFound\\)')).toBe(true)
  })
})

describe('kubesim lab check (the command)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-lab-'))
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, 'lab', 'check', ...args], { cwd: dir, encoding: 'utf8' })

  it('exits 1 when a step fails, and 2 with FILE:LINE: reason for a malformed lab or attempt', () => {
    writeFileSync(join(dir, 'scale.md'), SCALE_LAB)
    writeFileSync(join(dir, 'wrong.kss'), ['kubectl get pods', ...WEB_DEPLOYMENT, 'advance 30s', 'kubectl scale deploy web --replicas=2'].join('\n'))
    writeFileSync(join(dir, 'cluster.kss'), 'kubectl get pods\ncluster --workers 1\n')
    writeFileSync(join(dir, 'broken.md'), SCALE_LAB.replace('```check\n# every', '```check\nkubectl delete deploy web == x\n# every'))
    const wrong = cli('scale.md', '--attempt', 'wrong.kss')
    expect([wrong.status, wrong.stderr]).toEqual([1, ''])
    expect(wrong.stdout).toBe('PASS  1  Create the Deployment\nFAIL  2  Scale it to 4: kubectl get deploy web -o jsonpath={.spec.replicas} == 4\nFAIL  3  List its pods: not reached\n1/3 steps passed\n')
    const cluster = cli('scale.md', '--attempt', 'cluster.kss')
    expect([cluster.status, cluster.stdout, cluster.stderr]).toEqual([2, '', 'cluster.kss:2: an attempt has no cluster line: the lab builds the cluster\n'])
    const broken = cli('broken.md')
    const line = SCALE_LAB.split('\n').indexOf('# every replica available') + 1
    expect([broken.status, broken.stdout, broken.stderr]).toEqual([2, '', `broken.md:${line}: a check only reads: "kubectl delete" changes the cluster or waits\n`])
  }, 180_000)
})
