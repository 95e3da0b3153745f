/**
 * The engine at scale (issue 11): clusters of 50 / 500 / 5,000 workers with Deployments
 * totalling 1,500 / 15,000 / 150,000 pods, headless, and the worker → UI stream during a
 * 5,000-pod rollout. Prints a table and appends one JSON line per run to
 * bench/results/scale.jsonl.
 *
 * Run: npm run bench:scale                      (all sizes, then the UI stream)
 *      npm run bench:scale -- 50 500            (only those cluster sizes)
 *      npm run bench:scale -- 500 --no-stream
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Node, Pod } from '../src/engine/api/types.ts'
import { applyManifestText } from '../src/engine/kubectl/applyText.ts'
import { numFeasibleNodesToFind } from '../src/engine/scheduler/nodeSampling.ts'
import { Simulation } from '../src/engine/simulation.ts'
import { cpuMillis, quantityValue } from '../src/engine/util/quantity.ts'
import { EngineHost } from '../src/worker/engineHost.ts'
import type { EngineMessage } from '../src/worker/protocol.ts'
import { deploymentYaml } from '../test/helpers.ts'

const PODS_PER_NODE = 30
const PER_DEPLOYMENT = 1_000
/** Simulated time per step while waiting for every pod to run. */
const STEP_MS = 1_000
/** Give up after this much simulated time (the run is then reported as not converged). */
const MAX_SIM_MS = 10 * 60_000

const requests = '        resources:\n          requests: {cpu: 10m, memory: 16Mi}\n'
const deployment = (name: string, replicas: number) => deploymentYaml(name, replicas, 'nginx:1.27', requests)

interface Row {
  bench: string
  nodes: number
  pods: number
  converged: boolean
  wallMs: number
  simulatedMs: number
  schedulerMs: number
  podsScheduledPerSec: number
  simEventsPerSec: number
  heapBytesPerPod: number
  baselineMs: number
  schedulerVsBaseline: number
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`
const gc = () => globalThis.gc?.()

function converge(workers: number): Row {
  const totalPods = workers * PODS_PER_NODE
  gc()
  const heapBefore = process.memoryUsage().heapUsed
  const sim = new Simulation({ seed: 1, cluster: { workers, cpu: '16', memory: '64Gi', maxPods: 110 } })
  const nodes = sim.store.countOf('Node')

  // Pods Running, counted from the watch rather than by listing.
  const running = new Set<string>()
  sim.store.watch(
    (type, obj) => {
      const pod = obj as Pod
      if (type !== 'DELETED' && pod.status.phase === 'Running') running.add(pod.metadata.uid)
      else running.delete(pod.metadata.uid)
    },
    ['Pod'],
  )
  const podsBefore = sim.store.countOf('Pod')
  // Tasks run: the simulated events.
  const queue = sim.ctx.queue
  const pop = queue.pop.bind(queue)
  let tasks = 0
  queue.pop = () => {
    tasks++
    return pop()
  }
  // Time spent in the scheduler's cycle.
  const scheduler = sim.scheduler
  const scheduleOne = scheduler.scheduleOne.bind(scheduler)
  let schedulerMs = 0
  let scheduled = 0
  scheduler.scheduleOne = (pod: Pod) => {
    const t = performance.now()
    scheduleOne(pod)
    schedulerMs += performance.now() - t
    scheduled++
  }

  const t0 = performance.now()
  const simStart = sim.now
  for (let i = 0; i * PER_DEPLOYMENT < totalPods; i++) {
    applyManifestText(sim.ctx, deployment(`app-${i}`, Math.min(PER_DEPLOYMENT, totalPods - i * PER_DEPLOYMENT)), { source: 'bench' })
  }
  sim.settle()
  const target = podsBefore + totalPods
  while (running.size < target && sim.now - simStart < MAX_SIM_MS) sim.advance(STEP_MS)
  const wallMs = performance.now() - t0
  const simulatedMs = sim.now - simStart
  const converged = running.size >= target

  // Let the creation events expire (event-ttl 1h) before weighing the heap at rest.
  sim.advance(61 * 60_000)
  gc()
  const heapAfter = process.memoryUsage().heapUsed
  const baselineMs = typedArrayBaseline(sim, scheduled)
  return {
    bench: 'converge',
    nodes,
    pods: totalPods,
    converged,
    wallMs,
    simulatedMs,
    schedulerMs,
    podsScheduledPerSec: scheduled / (schedulerMs / 1000),
    simEventsPerSec: tasks / (wallMs / 1000),
    heapBytesPerPod: (heapAfter - heapBefore) / totalPods,
    baselineMs,
    schedulerVsBaseline: schedulerMs / baselineMs,
  }
}

/**
 * The floor: the same resource-fit checks (cpu, memory, pod count) over the same number of
 * sampled nodes per pod, from a rotating start index, on typed arrays.
 */
function typedArrayBaseline(sim: Simulation, pods: number): number {
  const nodes = sim.store.list<Node>('Node')
  const n = nodes.length
  const cpu = new Float64Array(n)
  const memory = new Float64Array(n)
  const count = new Float64Array(n)
  const maxCpu = new Float64Array(n)
  const maxMemory = new Float64Array(n)
  const maxCount = new Float64Array(n)
  nodes.forEach((node, i) => {
    maxCpu[i] = cpuMillis(node.status.allocatable.cpu)
    maxMemory[i] = quantityValue(node.status.allocatable.memory)
    maxCount[i] = quantityValue(node.status.allocatable.pods)
  })
  const want = numFeasibleNodesToFind(n)
  const podCpu = 10
  const podMemory = 16 * 1024 * 1024
  let start = 0
  let sink = 0
  const t = performance.now()
  for (let p = 0; p < pods; p++) {
    let found = 0
    let best = -1
    let bestScore = -1
    for (let k = 0; k < n && found < want; k++) {
      const i = (start + k) % n
      if (count[i] + 1 > maxCount[i] || cpu[i] + podCpu > maxCpu[i] || memory[i] + podMemory > maxMemory[i]) continue
      found++
      // LeastAllocated, as the scheduler scores.
      const score = ((maxCpu[i] - cpu[i] - podCpu) / maxCpu[i] + (maxMemory[i] - memory[i] - podMemory) / maxMemory[i]) * 50
      if (score > bestScore) {
        bestScore = score
        best = i
      }
    }
    start = (start + Math.max(found, 1)) % n
    if (best >= 0) {
      cpu[best] += podCpu
      memory[best] += podMemory
      count[best] += 1
      sink += best
    }
  }
  const ms = performance.now() - t
  if (sink < 0) console.log(sink)
  return ms
}

/** Worker → UI: the patch batches the host sends during a 5,000-pod rollout at 30× speed. */
function stream(pods: number): Record<string, unknown> {
  let now = 0
  const batches: { bytes: number; ms: number }[] = []
  /** Patch batches posted since the last look. */
  let posted: EngineMessage[] = []
  const host = new EngineHost({
    post: (m) => {
      if (m.type === 'patch') posted.push(m)
    },
    now: () => now,
    setInterval: () => 0,
    clearInterval: () => {},
  })
  // Commands, each answered by the UI's ack when it produced a batch.
  const send = (cmd: Parameters<EngineHost['handle']>[0]) => {
    posted = []
    host.handle(cmd)
    if (posted.length > 0) host.handle({ type: 'ack' })
  }
  send({ type: 'init', seed: 1, cluster: { workers: Math.ceil(pods / PODS_PER_NODE), cpu: '16', memory: '64Gi', maxPods: 110 } })
  send({ type: 'setSpeed', speed: 30 })
  send({ type: 'apply', requestId: 1, yaml: deployment('rollout', pods), source: 'bench' })
  send({ type: 'setRunning', running: true })
  // 50 ms ticks for 20 real seconds (10 simulated minutes at 30×), acking every batch.
  for (let i = 0; i < 400; i++) {
    now += 50
    posted = []
    const t = performance.now()
    host.tick()
    const ms = performance.now() - t
    for (const sent of posted) {
      // Structured clone is what postMessage does; JSON is a close and portable measure of its size.
      if (sent.type === 'patch') batches.push({ bytes: JSON.stringify(sent.batch).length, ms })
    }
    if (posted.length > 0) host.handle({ type: 'ack' })
  }
  host.dispose()
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
  const q = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(p * xs.length))]
  const bytes = batches.map((b) => b.bytes)
  const ms = batches.map((b) => b.ms)
  return {
    bench: 'stream',
    pods,
    batches: batches.length,
    bytesP50: q(bytes, 0.5),
    bytesP95: q(bytes, 0.95),
    bytesMax: Math.max(...bytes),
    msP50: q(ms, 0.5),
    msP95: q(ms, 0.95),
    msMax: Math.max(...ms),
  }
}

const args = process.argv.slice(2)
const sizes = args.map(Number).filter((n) => n > 0)
const results: Record<string, unknown>[] = []
const at = new Date().toISOString()
const rows: Row[] = []
for (const workers of sizes.length ? sizes : [50, 500, 5000]) {
  const row = converge(workers)
  rows.push(row)
  results.push({ at, ...row })
  console.log(
    [
      `nodes=${row.nodes}`.padEnd(12),
      `pods=${row.pods}`.padEnd(12),
      `${row.converged ? 'all Running' : 'NOT converged'} in ${(row.wallMs / 1000).toFixed(1)}s wall`.padEnd(30),
      `(${(row.simulatedMs / 1000).toFixed(0)}s simulated)`.padEnd(18),
      `scheduler ${(row.schedulerMs / 1000).toFixed(2)}s = ${row.podsScheduledPerSec.toFixed(0)} pods/s`.padEnd(34),
      `baseline ${row.baselineMs.toFixed(1)}ms (×${row.schedulerVsBaseline.toFixed(1)})`.padEnd(26),
      `${(row.simEventsPerSec / 1000).toFixed(0)}k events/s`.padEnd(15),
      `heap ${(row.heapBytesPerPod / 1024).toFixed(1)} KiB/pod`,
    ].join(' '),
  )
}
const small = rows.find((r) => r.pods === 15_000)
const large = rows.find((r) => r.pods === 150_000)
if (small && large && large.converged) {
  const growth = large.wallMs / large.pods / (small.wallMs / small.pods)
  results.push({ at, bench: 'growth', ratio: growth })
  console.log(`growth: per-pod cost at 150,000 / at 15,000 = ${growth.toFixed(2)}`)
}
if (!args.includes('--no-stream')) {
  const s = stream(5_000)
  results.push({ at, ...s })
  console.log(
    `worker → UI, 5,000-pod rollout at 30×: ${s.batches} batches, bytes p50 ${s.bytesP50} p95 ${s.bytesP95} max ${s.bytesMax}, ` +
      `ms p50 ${(s.msP50 as number).toFixed(1)} p95 ${(s.msP95 as number).toFixed(1)} max ${(s.msMax as number).toFixed(1)}`,
  )
}
console.log(`heap in use at the end: ${mib(process.memoryUsage().heapUsed)}`)
const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'scale.jsonl')
mkdirSync(dirname(file), { recursive: true })
appendFileSync(file, results.map((r) => JSON.stringify(r)).join('\n') + '\n')
