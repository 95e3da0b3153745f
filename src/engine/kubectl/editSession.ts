import { stringify } from 'yaml'
import { ApiError } from '../api/errors.ts'
import { patchResource } from '../api/patch/patchResource.ts'
import { deepEqual } from '../api/patch/jsonPatch.ts'
import { qualifiedPlural, qualifiedSingular, type ResourceType } from '../api/resources.ts'
import { parseManifests } from '../manifest/parseManifests.ts'
import type { Simulation } from '../simulation.ts'
import { sortedKeys } from '../util/goJson.ts'
import { KubectlError, resolveResourceArgs } from './resolve.ts'

/**
 * `kubectl edit` for the app: `beginEdit` gives the object's YAML as kubectl's editor
 * buffer shows it; `finishEdit` takes the saved text and applies the user's changes
 * as kubectl does, as a patch of what changed (so fields nobody touched, such as a
 * status written meanwhile, are left alone). The app shows `text` again when the
 * save failed, with the reasons at the top, as kubectl reopens the editor.
 */
export interface EditSession {
  resource: ResourceType
  namespace: string | undefined
  name: string
  /** The object as it was shown (sorted keys, as kubectl prints it). */
  original: Record<string, unknown>
  /** The editor buffer: kubectl's header comment and the object's YAML. */
  text: string
}

export interface EditResult {
  /** What kubectl prints: `deployment.apps/web edited`, `Edit cancelled, no changes made.`, or the error. */
  output: string
  /** True when the edit is over (saved, cancelled or impossible); false when the editor should reopen. */
  done: boolean
  /** The buffer to reopen, with the failures listed in the header. */
  text?: string
}

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`

/** Opens `kubectl edit TYPE NAME` (or `TYPE/NAME`); a missing object is kubectl's NotFound error. */
export function beginEdit(sim: Simulation, args: string[], namespace = 'default'): EditSession {
  const [req] = resolveResourceArgs(args)
  if (!req) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
  if (req.names.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified')
  const resource = req.resource
  const ns = resource.namespaced ? namespace : undefined
  const name = req.names[0]
  const live = sim.store.get(resource.kind, ns, name)
  if (!live) throw new ApiError('NotFound', `${qualifiedPlural(resource)} "${name}" not found`)
  const original = sortedKeys(JSON.parse(JSON.stringify(live))) as Record<string, unknown>
  return { resource, namespace: ns, name, original, text: HEADER + yamlOf(original) }
}

/** Applies a saved buffer (editoptions.go: compare without comments, then patch what changed). */
export function finishEdit(sim: Simulation, session: EditSession, saved: string): EditResult {
  const stripped = stripComments(saved)
  if (stripComments(session.text) === stripped) return { output: 'Edit cancelled, no changes made.\n', done: true }
  if (stripped.trim() === '') return { output: 'Edit cancelled, saved file was empty.\n', done: true }
  const { documents, errors } = parseManifests(stripped)
  if (errors.length > 0) {
    const reason = `The edited file had a syntax error: error converting YAML to JSON: yaml: line ${errors[0].line}: ${errors[0].message}`
    return { output: `error: ${reason}\n`, done: false, text: reopen([[reason]], saved) }
  }
  if (documents.length === 0) return { output: 'error: edit cancelled, no objects found\n', done: true }
  const edited = documents[0].object
  const name = `${qualifiedPlural(session.resource)} "${session.name}"`
  if (deepEqual(edited, session.original)) return { output: `${qualifiedSingular(session.resource)}/${session.name} skipped\n`, done: true }
  const meta = (o: Record<string, unknown>) => (o.metadata ?? {}) as Record<string, unknown>
  if (edited.apiVersion !== session.original.apiVersion || edited.kind !== session.original.kind || meta(edited).name !== meta(session.original).name) {
    return { output: 'error: At least one of apiVersion, kind and name was changed\n', done: true }
  }
  try {
    const result = patchResource(sim.ctx, {
      kind: session.resource.kind,
      namespace: session.namespace,
      name: session.name,
      type: 'merge',
      patch: mergePatchBetween(session.original, edited),
    })
    sim.settle()
    return { output: result.warnings.map((w) => w + '\n').join('') + `${qualifiedSingular(session.resource)}/${session.name} edited\n`, done: true }
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    if (e.reason === 'Invalid') {
      const causes = (e.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`)
      return { output: `error: ${name} is invalid\n`, done: false, text: reopen([[`${name} was not valid`, ...causes]], saved) }
    }
    if (e.reason === 'NotFound') return { output: `error: ${name} could not be found on the server\n`, done: true }
    return { output: `error: ${name} could not be patched: ${e.message}\n`, done: false, text: reopen([[`${name} could not be patched: ${e.message}`]], saved) }
  }
}

/** kubectl's editor buffer YAML: sorted keys, lists at their parent's indent. */
function yamlOf(obj: unknown): string {
  return stringify(obj, { lineWidth: 0, indentSeq: false, version: '1.1' })
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
}

/** The header again, each failure as `# head:` and `# * cause` lines, then the user's text without its old comments. */
function reopen(reasons: string[][], saved: string): string {
  let header = HEADER
  for (const [head, ...other] of reasons) {
    header += other.length > 0 ? `# ${head}:\n` : `# ${head}\n`
    for (const o of other) header += `# * ${o}\n`
    header += '#\n'
  }
  return header + stripComments(saved).replace(/^\n+/, '')
}

/** The JSON merge patch that turns `from` into `to` (jsonpatch.CreateMergePatch). */
function mergePatchBetween(from: unknown, to: unknown): unknown {
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (!isMap(from) || !isMap(to)) return to
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null
  for (const [key, value] of Object.entries(to)) {
    if (deepEqual(from[key], value)) continue
    patch[key] = isMap(from[key]) && isMap(value) ? mergePatchBetween(from[key], value) : value
  }
  return patch
}

