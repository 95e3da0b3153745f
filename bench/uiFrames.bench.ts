/**
 * The app's frame times while pods churn, at 100, 1,000 and 5,000 nodes.
 *
 * Serves dist/ with `vite preview`, opens it in Chromium (Playwright, Debian's chromium), and
 * for each size: starts over with the preset, creates a Deployment and a crash-looping one
 * through the terminal, sets 30×, scales the Deployment up and down while it records every
 * requestAnimationFrame delta for SECONDS, then prints p50/p95 and appends a JSON line to
 * bench/results/ui-frames.jsonl.
 *
 *     npx vite build && npm run bench:frames                    # 100 1000 5000 nodes, 10 s each
 *     npm run bench:frames -- 100 1000                          # some sizes only
 *
 * BENCH_PORT picks the preview port (default 4191); BENCH_SECONDS the recording length;
 * BENCH_PODS_PER_NODE the Deployment's size (default 30: 30,000 pods at 1,000 nodes).
 */
import { spawn } from 'node:child_process'
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0)
const SIZES = sizes.length > 0 ? sizes : [100, 1000, 5000]
const port = Number(process.env.BENCH_PORT ?? 4191)
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const podsPerNode = Number(process.env.BENCH_PODS_PER_NODE ?? 30)
const origin = `http://127.0.0.1:${port}`
const PRESET: Record<number, RegExp> = { 100: /^Start over with 100 nodes/, 1000: /^Start over with 1,000 nodes/, 5000: /^Start over with 5,000 nodes/ }

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`vite preview did not answer on ${origin}`)
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]
}

async function kubectl(page: Page, line: string): Promise<void> {
  const terminal = page.getByRole('textbox', { name: 'kubectl command' })
  await terminal.fill(`kubectl ${line}`)
  await terminal.press('Enter')
}

async function measure(page: Page, nodes: number) {
  await page.goto(origin)
  await page.getByRole('group', { name: 'Node worker-1, Ready' }).waitFor({ timeout: 120_000 })
  await page.getByRole('button', { name: 'Edit cluster' }).click()
  page.once('dialog', (confirm) => void confirm.accept())
  await page.getByRole('dialog', { name: 'Cluster editor' }).getByRole('button', { name: PRESET[nodes] }).click()
  await page.getByRole('group', { name: new RegExp(`^Node worker-${nodes}, `) }).waitFor({ timeout: 300_000 })
  const replicas = nodes * podsPerNode
  await kubectl(page, `create deployment web --image=nginx --replicas=${replicas}`)
  await kubectl(page, `create deployment crash --image=busybox --replicas=${nodes} -- false`)
  await page.getByRole('button', { name: 'Speed 30x' }).click()
  // Frame deltas, plus the browser's long tasks, while the workload churns.
  // (A string: tsx would wrap named inner functions in a helper the page lacks.)
  await page.evaluate(`
    window.__frames = []
    window.__long = []
    window.__stop = false
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false })
    let prev = performance.now()
    const tick = (now) => {
      window.__frames.push(now - prev)
      prev = now
      if (!window.__stop) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  `)
  const start = Date.now()
  let up = false
  while (Date.now() - start < seconds * 1000) {
    await page.waitForTimeout(2500)
    up = !up
    await kubectl(page, `scale deployment web --replicas=${up ? Math.round(replicas * 0.8) : replicas}`)
  }
  const { frames, long } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[]; __stop: boolean }
    w.__stop = true
    return { frames: w.__frames.slice(1), long: w.__long }
  })
  const pods = await page.getByRole('group', { name: /^Unscheduled pods, / }).getAttribute('aria-label')
  return { nodes, replicas, frames: frames.length, p50: pct(frames, 0.5), p95: pct(frames, 0.95), max: Math.max(...frames), longTasks: long.length, longTaskMs: long.reduce((a, b) => a + b, 0), unscheduledAtEnd: pods }
}

async function main(): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true })
  const dir = join(import.meta.dirname, 'results')
  mkdirSync(dir, { recursive: true })
  try {
    await waitForServer()
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
    try {
      console.log('nodes  pods(target)  frames  p50 ms  p95 ms  max ms  long tasks')
      for (const nodes of SIZES) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
        const page = await context.newPage()
        page.setDefaultTimeout(120_000)
        const r = await measure(page, nodes)
        await context.close()
        console.log(`${String(nodes).padStart(5)}  ${String(r.replicas).padStart(12)}  ${String(r.frames).padStart(6)}  ${r.p50.toFixed(1).padStart(6)}  ${r.p95.toFixed(1).padStart(6)}  ${r.max.toFixed(0).padStart(6)}  ${r.longTasks} (${r.longTaskMs.toFixed(0)} ms)   ${r.unscheduledAtEnd}`)
        appendFileSync(join(dir, 'ui-frames.jsonl'), JSON.stringify({ at: new Date().toISOString(), seconds, ...r }) + '\n')
      }
    } finally {
      await browser.close()
    }
  } finally {
    if (server.pid) process.kill(-server.pid)
  }
}

await main()
