import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyManifestText } from '../../src/engine/kubectl/applyText.ts'
import { summarizePod } from '../../src/engine/kubectl/podSummary.ts'
import { Simulation } from '../../src/engine/simulation.ts'
import { CORPUS_CLUSTER, corpusFiles, judgeFile } from '../corpus/endState.ts'
import { kubectl, pods } from '../helpers.ts'

const CORPUS = join(__dirname, '../../../shared/corpus/k8s-website-examples')
const files = execFileSync('find', [CORPUS, '-name', '*.yaml'], { encoding: 'utf8' }).trim().split('\n').sort()

/** Applies one corpus file to a fresh cluster (with the namespaces it names) and runs two minutes. */
function applyCorpusFile(path: string) {
  const sim = new Simulation({ cluster: CORPUS_CLUSTER })
  const text = readFileSync(path, 'utf8')
  for (const ns of new Set([...text.matchAll(/namespace:\s*([a-z0-9-]+)/g)].map((m) => m[1]))) {
    applyManifestText(sim.ctx, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`, { source: 'ns.yaml' })
  }
  const result = applyManifestText(sim.ctx, text, { source: path.split('/').pop()! })
  sim.advance(120_000)
  // The document's pods, not the add-ons' in kube-system.
  const statuses = pods(sim).map((p) => summarizePod(p, sim.now).status)
  return { result, statuses }
}

describe('the Kubernetes documentation examples (shared/corpus)', () => {
  it('after ten minutes no document is stuck: each settled as a cluster would leave it, was refused, or is stored and said to be inert', () => {
    const results = corpusFiles().flatMap(judgeFile)
    expect(results.filter((r) => r.state === 'stuck')).toEqual([])
    // A ratchet: kubesim only ever gets closer to a real cluster.
    expect(results.filter((r) => r.state === 'settled' || r.state === 'refused').length).toBeGreaterThanOrEqual(400)
    // Ten simulated minutes for each of ~420 documents: a busy 2-core machine needs more than the default 30 s.
  }, 180_000)

  it('every manifest applies, or fails the way a real API server would, without breaking the engine', () => {
    expect(files.length).toBeGreaterThan(300)
    for (const file of files) {
      const { result } = applyCorpusFile(file)
      for (const line of result.output) {
        expect(line, file).toMatch(/^(\S+ (created|configured|unchanged)|Warning: kubesim stores \w+ objects but does not simulate them yet|error: .+|The \w+ ".*" is invalid: .+|Error from server \((BadRequest|Invalid|NotFound|AlreadyExists|Forbidden)\): .+)/s)
      }
    }
  }, 180_000)

  it.each([
    ['controllers/nginx-deployment.yaml', ['Running', 'Running', 'Running']],
    ['controllers/frontend.yaml', ['Running', 'Running', 'Running']],
    ['pods/simple-pod.yaml', ['Running']],
    ['pods/pod-nginx.yaml', ['Pending']], // nodeSelector disktype=ssd: no such node
    ['pods/private-reg-pod.yaml', ['InvalidImageName']],
    ['windows/deploy-resource.yaml', ['ImagePullBackOff', 'ImagePullBackOff', 'ImagePullBackOff']], // Windows image, Linux nodes
  ])('%s ends as a real cluster leaves it', (file, expected) => {
    expect(applyCorpusFile(join(CORPUS, file)).statuses.sort()).toEqual([...expected].sort())
  })

  it('controllers/job.yaml (the pi Job) reaches Complete, and application/job/cronjob.yaml starts a Job each minute', () => {
    const pi = applyCorpusFile(join(CORPUS, 'controllers/job.yaml'))
    expect(pi.statuses).toEqual(['Completed'])
    const sim = new Simulation()
    applyManifestText(sim.ctx, readFileSync(join(CORPUS, 'application/job/cronjob.yaml'), 'utf8'), { source: 'cronjob.yaml' })
    sim.advance(150_000)
    expect(sim.store.list('Job').map((j) => (j.status as { succeeded?: number }).succeeded)).toEqual([1, 1])
  })

  it("pods/lifecycle-events.yaml: the postStart hook's file is there to cat, as the docs show", () => {
    const sim = new Simulation()
    applyManifestText(sim.ctx, readFileSync(join(CORPUS, 'pods/lifecycle-events.yaml'), 'utf8'), { source: 'lifecycle-events.yaml' })
    sim.advance(30_000)
    expect(kubectl(sim, 'exec lifecycle-demo -- cat /usr/share/message')).toBe('Hello from the postStart handler\n')
  })

  it('debug/termination.yaml keeps restarting: it exits 0 after 10s and restartPolicy is Always', () => {
    const sim = new Simulation()
    applyManifestText(sim.ctx, readFileSync(join(CORPUS, 'debug/termination.yaml'), 'utf8'), { source: 'termination.yaml' })
    sim.advance(180_000)
    const status = pods(sim)[0].status.containerStatuses![0]
    expect(status.restartCount).toBeGreaterThanOrEqual(4)
    expect(status.lastState.terminated).toMatchObject({ reason: 'Completed', exitCode: 0 })
  })
})
