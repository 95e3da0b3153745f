/**
 * The production build's first interactive time and initial JavaScript size.
 *
 * Serves dist/ with `vite preview`, opens it in Chromium (Playwright, Debian's chromium) a few
 * times with a fresh profile each, and measures from navigation start until the Apply button
 * is enabled and the canvas shows the nodes. The initial JavaScript is what index.html loads
 * before anything lazy (its module script and modulepreloads); Monaco must not be in it.
 *
 *     npx vite build && npm run bench:ui            # 5 runs
 *     npm run bench:ui -- 10                        # 10 runs
 *
 * BENCH_PORT picks the preview port (default 4189; 4190 is on the fetch standard's list of blocked ports).
 */
import { spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'

const runs = Number(process.argv[2] ?? 5)
const port = Number(process.env.BENCH_PORT ?? 4189)
const origin = `http://127.0.0.1:${port}`
const dist = join(import.meta.dirname, '..', 'dist')

function initialScripts(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)]
  return srcs.map((m) => m[1])
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`
}

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main(): Promise<void> {
  const scripts = initialScripts()
  let raw = 0
  let gzip = 0
  for (const src of scripts) {
    const file = join(dist, src)
    raw += statSync(file).size
    gzip += gzipSync(readFileSync(file)).length
  }
  // A command id only Monaco's suggest widget registers; the initial files must not hold it.
  const monacoInitial = scripts.filter((s) => readFileSync(join(dist, s), 'utf8').includes('editor.action.triggerSuggest'))
  console.log(`initial JS: ${scripts.length} files, ${kB(raw)} (${kB(gzip)} gzip): ${scripts.join(', ')}`)
  console.log(`Monaco in the initial chunk: ${monacoInitial.length === 0 ? 'no' : `yes (${monacoInitial.join(', ')})`}`)

  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true })
  try {
    await waitForServer()
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
    const times: { interactive: number; nodes: number; js: number }[] = []
    try {
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
        const page = await context.newPage()
        let jsBytes = 0
        let done = false
        page.on('response', async (r) => {
          if (done || !r.url().endsWith('.js') || r.request().resourceType() === 'other') return
          const len = Number(r.headers()['content-length'] ?? 0)
          jsBytes += len || (await r.body().catch(() => Buffer.alloc(0))).length
        })
        // Each frame notes when the nodes first show and when Apply (which waits for Monaco) is enabled.
        // (A string: tsx would wrap named inner functions in a helper the page lacks.)
        await page.addInitScript(`
          const marks = (window.__marks = {})
          const tick = () => {
            const apply = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Apply')
            if (marks.nodes === undefined && document.querySelector('[aria-label^="Node worker-1"]')) marks.nodes = performance.now()
            if (marks.apply === undefined && apply && !apply.disabled) marks.apply = performance.now()
            if (marks.nodes === undefined || marks.apply === undefined) requestAnimationFrame(tick)
          }
          requestAnimationFrame(tick)
        `)
        await page.goto(origin)
        await page.waitForFunction(() => {
          const m = (window as unknown as { __marks: Record<string, number> }).__marks
          return m.nodes !== undefined && m.apply !== undefined
        }, undefined, { timeout: 60_000 })
        const marks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks)
        const interactive = Math.max(marks.nodes, marks.apply)
        done = true
        times.push({ interactive, nodes: marks.nodes, js: jsBytes })
        console.log(`run ${i + 1}: nodes shown at ${marks.nodes.toFixed(0)} ms, Apply enabled at ${marks.apply.toFixed(0)} ms (JS fetched by then: ${kB(jsBytes)})`)
        await context.close()
      }
    } finally {
      await browser.close()
    }
    console.log(`nodes shown: median ${median(times.map((t) => t.nodes)).toFixed(0)} ms`)
    console.log(`first interactive: median ${median(times.map((t) => t.interactive)).toFixed(0)} ms over ${runs} runs (min ${Math.min(...times.map((t) => t.interactive)).toFixed(0)}, max ${Math.max(...times.map((t) => t.interactive)).toFixed(0)})`)
  } finally {
    if (server.pid) process.kill(-server.pid)
  }
}

await main()
