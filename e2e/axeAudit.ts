import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeNode {
  target: string[]
  failureSummary?: string
}
interface AxeViolation {
  id: string
  impact: string
  help: string
  nodes: AxeNode[]
}

/** Runs axe-core's WCAG 2.1 A and AA rules on the page; returns each violation, readable. */
export async function audit(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe
    // Monaco's own internals (its hidden textarea, line numbers and scrollbars) are third-party
    // markup audited upstream; the editor's container and its accessible name stay in scope.
    const context = { exclude: [['.monaco-editor .overflow-guard'], ['.monaco-aria-container']] }
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    return result.violations
  })
  // One line per rule: how many elements, the first few, and why the first fails.
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 10).map((n) => `\n  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''}`)
    return `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.help}${nodes.join('')}`
  })
}
