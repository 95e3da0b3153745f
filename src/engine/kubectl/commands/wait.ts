import { qualifiedSingular, type ResourceType } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { boolFlag, flag } from '../args.ts'
import { parseGoDuration } from '../goDuration.ts'
import { JsonPath, JsonPathError, relaxedJsonPath } from '../printers/jsonpath.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { listObjects, notFound } from './get.ts'

/** How often a script's wait looks again while simulated time moves on. */
const POLL_MS = 100
const DEFAULT_TIMEOUT_MS = 30_000
/** `--timeout` below zero means a week (wait.go). */
const WEEK_MS = 168 * 3_600_000

/** One `--for` condition: whether an object (undefined once gone) meets it, or an error to stop with. */
type Check = (obj: KubeObject | undefined) => boolean | { error: string }
type Condition = { kind: 'delete' | 'create' | 'state'; check: Check }

/** `condition=Ready`, `condition=Ready=false` (status.conditions, case-insensitive, generation-aware). */
function conditionCheck(spec: string): Check {
  const eq = spec.indexOf('=')
  const name = eq < 0 ? spec : spec.slice(0, eq)
  const value = eq < 0 ? 'true' : spec.slice(eq + 1)
  return (obj) => {
    const status = (obj?.status ?? {}) as { conditions?: { type?: string; status?: string; observedGeneration?: number }[]; observedGeneration?: number }
    const condition = status.conditions?.find((c) => c.type?.toLowerCase() === name.toLowerCase() && typeof c.status === 'string')
    if (!condition) return false
    const generation = obj?.metadata.generation
    const observed = condition.observedGeneration ?? status.observedGeneration
    if (generation !== undefined && observed !== undefined && observed < generation) return false
    return condition.status!.toLowerCase() === value.toLowerCase()
  }
}

/** kubectl's splitJSONPathInput: split on single `=`; `==` stays in the expression. */
function splitOnSingleEquals(input: string): string[] {
  const out: string[] = []
  let current = ''
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        current += '=='
        i++
        continue
      }
      out.push(current)
      current = ''
      continue
    }
    current += input[i]
  }
  return [...out, current]
}

/** `jsonpath='{.status.phase}'=Running`, or without a value: any value at all. */
function jsonPathCheck(input: string): Check {
  const parts = splitOnSingleEquals(input)
  if (parts.length > 2) throw new KubectlError("error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'")
  let expression: string
  try {
    expression = relaxedJsonPath(parts[0])
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(`error: ${e.message}`)
    throw e
  }
  const wanted = parts.length === 2 ? parts[1].replace(/^['"]+|['"]+$/g, '') : undefined
  if (wanted === '') throw new KubectlError("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
  if (expression === '') throw new KubectlError('error: jsonpath expression cannot be empty')
  let path: JsonPath
  try {
    path = new JsonPath(expression, { allowMissingKeys: true })
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(`error: ${e.message}`)
    throw e
  }
  return (obj) => {
    if (!obj) return false
    let results: unknown[][]
    try {
      results = path.findResults(JSON.parse(JSON.stringify(obj)))
    } catch (e) {
      if (e instanceof JsonPathError) return { error: e.message }
      throw e
    }
    if (results.length === 0 || results[0].length === 0) return false
    if (results.length > 1) return { error: 'given jsonpath expression matches more than one list' }
    if (results[0].length > 1) return { error: 'given jsonpath expression matches more than one value' }
    if (wanted === undefined) return true
    const value = results[0][0]
    if (value !== null && typeof value === 'object') return { error: 'jsonpath leads to a nested object or list which is not supported' }
    return String(value ?? '<nil>').trim() === wanted.trim()
  }
}

function parseCondition(text: string | undefined): Condition {
  const condition = text ?? ''
  const lower = condition.toLowerCase()
  if (lower === 'delete') return { kind: 'delete', check: (obj) => obj === undefined }
  if (lower === 'create') return { kind: 'create', check: (obj) => obj !== undefined }
  if (condition.startsWith('condition=')) return { kind: 'state', check: conditionCheck(condition.slice('condition='.length)) }
  if (condition.startsWith('jsonpath=')) return { kind: 'state', check: jsonPathCheck(condition.slice('jsonpath='.length)) }
  throw new KubectlError(`error: unrecognized condition: ${JSON.stringify(condition)}`)
}

function timeoutOf(ctx: CommandContext): number {
  const text = flag(ctx.args, 'timeout')
  if (text === undefined) return DEFAULT_TIMEOUT_MS
  const ms = parseGoDuration(text)
  if (typeof ms !== 'number') throw new KubectlError(`error: invalid argument "${text}" for "--timeout" flag: ${ms.error}\nSee 'kubectl wait --help' for usage.`)
  return ms < 0 ? WEEK_MS : ms
}

interface Target {
  resource: ResourceType
  namespace?: string
  name: string
  /** The object as first seen; its uid tells a replacement from the original. */
  uid?: string
}

/**
 * `kubectl wait (TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all) --for=…`
 * (pkg/cmd/wait, v1.35: one --for). In a script, simulated time moves on until each
 * object meets the condition or the timeout passes; in the app, it answers at once.
 */
export const waitCommand: KubectlCommand = {
  name: 'wait',
  flags: [
    { name: 'for', takesValue: true },
    { name: 'timeout', takesValue: true },
    { name: 'selector', short: 'l', takesValue: true },
    { name: 'field-selector', takesValue: true },
    { name: 'all', takesValue: false },
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
    { name: 'output', short: 'o', takesValue: true },
  ],
  run(ctx) {
    const condition = parseCondition(flag(ctx.args, 'for'))
    const timeoutMs = timeoutOf(ctx)
    const requests = resolveResourceArgs(ctx.args.positional)
    if (requests.length === 0) {
      throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
    }
    const selecting = boolFlag(ctx.args, 'all') || !!flag(ctx.args, 'selector') || !!flag(ctx.args, 'field-selector')
    if (condition.kind === 'create') {
      // --for=create first polls (every 500ms) until every name exists, or a selector matches something.
      const found = () =>
        requests.every((req) =>
          req.names.length > 0
            ? req.names.every((n) => ctx.sim.store.get(req.resource.kind, req.resource.namespaced ? ctx.namespace : undefined, n))
            : !selecting || listObjects(ctx, req.resource).length > 0,
        )
      const deadline = ctx.sim.now + timeoutMs
      while (!found() && ctx.io.waitAdvancesTime && ctx.sim.now < deadline) ctx.sim.advance(Math.min(500, deadline - ctx.sim.now))
      if (!found()) {
        if (!ctx.io.waitAdvancesTime) return 'kubesim: not created yet; time runs on in the app, so run wait again in a moment\n'
        throw new KubectlError('error: timed out waiting for the condition')
      }
    }
    const errors: string[] = []
    const targets: Target[] = []
    for (const req of requests) {
      const namespace = req.resource.namespaced ? ctx.namespace : undefined
      if (req.names.length > 0) {
        for (const name of req.names) {
          const obj = ctx.sim.store.get(req.resource.kind, namespace, name)
          // For delete, a missing object is already what was asked for (NotFound is ignored).
          if (obj) targets.push({ resource: req.resource, namespace, name, uid: obj?.metadata.uid })
          else if (condition.kind !== 'delete') errors.push(notFound(req.resource, name))
        }
      } else if (selecting) {
        for (const obj of listObjects(ctx, req.resource)) targets.push({ resource: req.resource, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid })
      } else {
        throw new KubectlError('error: resource(s) were provided, but no name was specified')
      }
    }
    if (targets.length === 0 && errors.length === 0 && condition.kind !== 'delete') throw new KubectlError('error: no matching resources found')

    const lines: string[] = []
    const deadline = ctx.sim.now + timeoutMs
    const live = (t: Target) => {
      const obj = ctx.sim.store.get(t.resource.kind, t.namespace, t.name)
      // Waiting for delete, a new object under the same name is not the one deleted.
      return condition.kind === 'delete' && obj && t.uid && obj.metadata.uid !== t.uid ? undefined : obj
    }
    for (const t of targets) {
      const id = `${t.resource.plural}/${t.name}`
      let verdict = condition.check(live(t))
      while (verdict === false && ctx.io.waitAdvancesTime && ctx.sim.now < deadline) {
        ctx.sim.advance(Math.min(POLL_MS, deadline - ctx.sim.now))
        const obj = live(t)
        if (!obj && condition.kind === 'state') {
          errors.push(notFound(t.resource, t.name))
          verdict = { error: '' }
          break
        }
        verdict = condition.check(obj)
      }
      if (verdict === true) lines.push(`${qualifiedSingular(t.resource)}/${t.name} condition met`)
      else if (verdict !== false) {
        if (verdict.error) errors.push(verdict.error)
      } else if (!ctx.io.waitAdvancesTime) {
        errors.push(`kubesim: ${id} does not meet the condition yet; time runs on in the app, so run wait again in a moment`)
      } else errors.push(timeoutMs === 0 ? `condition not met for ${id}` : `timed out waiting for the condition on ${id}`)
    }
    // kubectl prints one error as `error: …` and several one per line, bare (MultipleErrors).
    const prefixed = errors.length === 1 && !/^(Error from server|kubesim:)/.test(errors[0]) ? [`error: ${errors[0]}`] : errors
    return [...lines, ...prefixed].map((l) => l + '\n').join('')
  },
}
