import { applyManifest, describeApplyResult } from '../api/apply.ts'
import type { EngineContext } from '../context.ts'
import { parseManifests } from '../manifest/parseManifests.ts'
import { yamlErrorText } from '../manifest/yamlErrorText.ts'

/** A problem to show in the editor, 1-based line. */
export interface ManifestMarker {
  line: number
  column: number
  message: string
  severity: 'error' | 'warning'
}

export interface ApplyTextResult {
  /** What kubectl prints, one entry per line. */
  output: string[]
  markers: ManifestMarker[]
  /** True when any document failed. */
  failed: boolean
}

/**
 * `kubectl apply -f` (or `create -f`) on a whole manifest text. A syntax error anywhere
 * means nothing is applied, as kubectl decodes every document before sending any.
 * Otherwise each document is applied on its own and errors are printed after the
 * successes, as kubectl aggregates them.
 */
export function applyManifestText(
  ctx: EngineContext,
  text: string,
  opts: { source: string; namespace?: string; mode?: 'apply' | 'create' },
): ApplyTextResult {
  const { documents, errors } = parseManifests(text)
  if (errors.length > 0) {
    return {
      output: [yamlErrorText(opts.source, errors[0])],
      markers: errors.map((e) => ({ line: e.line, column: e.column, message: e.message, severity: 'error' })),
      failed: true,
    }
  }
  if (documents.length === 0) {
    return { output: ['error: no objects passed to apply'], markers: [], failed: true }
  }
  const output: string[] = []
  const errorLines: string[] = []
  const aggregatedLines: string[] = []
  const markers: ManifestMarker[] = []
  for (const doc of documents) {
    const result = applyManifest(ctx, { manifest: doc.object, source: opts.source, namespace: opts.namespace, mode: opts.mode ?? 'apply' })
    if (result.ok) {
      output.push(...result.warnings, describeApplyResult(result.resource, result.name, result.action))
      for (const w of result.warnings) markers.push({ line: doc.startLine, column: 1, message: w.replace(/^Warning: /, ''), severity: 'warning' })
    } else {
      errorLines.push(result.error)
      aggregatedLines.push(result.aggregated ?? result.error)
      markers.push({ line: result.path ? doc.lineOf(result.path) : doc.startLine, column: 1, message: result.error, severity: 'error' })
    }
  }
  // One error is printed on its own (an Invalid one as `The Deployment "web" is invalid: ...`);
  // several are aggregated, each as the server's error (cmdutil.checkErr, MultipleErrors).
  return { output: [...output, ...(errorLines.length > 1 ? aggregatedLines : errorLines)], markers, failed: errorLines.length > 0 }
}
