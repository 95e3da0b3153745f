/**
 * Engine benchmark: how long the simulation takes, in real time, to bring up and run
 * Deployments of a given total size, and how much heap it holds afterwards.
 * Run: npm run bench   (or: npx tsx bench/engine.bench.ts 100 1000 5000)
 */
import { applyManifestText } from '../src/engine/kubectl/applyText.ts'
import { Simulation } from '../src/engine/simulation.ts'
import { deploymentYaml } from '../test/helpers.ts'

const deployment = (name: string, replicas: number) =>
  deploymentYaml(name, replicas, 'nginx:1.27', '        resources:\n          requests: {cpu: 10m, memory: 16Mi}\n')

function run(totalPods: number): void {
  const workers = Math.max(3, Math.ceil(totalPods / 100))
  globalThis.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const t0 = performance.now()
  const sim = new Simulation({ seed: 1, cluster: { workers, cpu: '16', memory: '64Gi', maxPods: 110 } })
  const perDeployment = 100
  for (let i = 0; i * perDeployment < totalPods; i++) {
    applyManifestText(sim.ctx, deployment(`app-${i}`, Math.min(perDeployment, totalPods - i * perDeployment)), { source: 'bench' })
  }
  sim.settle()
  const tApplied = performance.now()
  sim.advance(60_000)
  const tRunning = performance.now()
  sim.advance(10 * 60_000)
  const tIdle = performance.now()
  globalThis.gc?.()
  const heapAfter = process.memoryUsage().heapUsed
  const running = sim.store.list('Pod').filter((p) => (p.status as { phase?: string }).phase === 'Running').length
  console.log(
    [
      `pods=${totalPods}`.padEnd(12),
      `nodes=${workers + 1}`.padEnd(10),
      `running=${running}`.padEnd(14),
      `apply+schedule=${(tApplied - t0).toFixed(0)}ms`.padEnd(22),
      `first 60s simulated=${(tRunning - tApplied).toFixed(0)}ms`.padEnd(28),
      `next 10m idle=${(tIdle - tRunning).toFixed(0)}ms`.padEnd(20),
      `heap=${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)}MiB`,
    ].join(' '),
  )
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0)
for (const n of sizes.length ? sizes : [100, 1000, 3000]) run(n)
