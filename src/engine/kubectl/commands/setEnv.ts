import type { EnvVar, KubeObject } from '../../api/types.ts'
import { boolFlag, flag, flagList } from '../args.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { CommandContext } from './context.ts'
import { podSpecOf, runSetChange, selectString, setTargets } from './setWorkload.ts'

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/
const ENV_NAME_ERROR =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"

/**
 * `kubectl set env RESOURCE KEY=value … KEY- …` (and `-e`, `--from=configmap/x|secret/x`,
 * `--keys`, `--prefix`, `-c`, `--overwrite`, `--list`), as pkg/cmd/set/set_env.go does it:
 * variables are replaced by name or appended, removals go, and nothing is printed for
 * an object the command leaves as it was.
 */
export function setEnv(ctx: CommandContext, args: string[]): string {
  if (boolFlag(ctx.args, 'all') && flag(ctx.args, 'selector')) throw new KubectlError('error: cannot set --all and --selector at the same time')
  const { resources, envArgs } = splitEnvironmentFromResources(args)
  if (flagList(ctx.args, 'filename').length === 0 && resources.length === 0) {
    throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>')
  }
  const list = boolFlag(ctx.args, 'list')
  if (list && flag(ctx.args, 'output')) throw new KubectlError('error: --list and --output may not be specified together')
  const keys = flagList(ctx.args, 'keys').flatMap((k) => k.split(','))
  const from = flag(ctx.args, 'from')
  if (keys.length > 0 && !from) throw new KubectlError('error: when specifying --keys, a configmap or secret must be provided with --from')
  const { env, remove } = parseEnv([...flagList(ctx.args, 'env'), ...envArgs])
  let warnings = ''
  if (from) {
    const fromEnv = envFrom(ctx, from, keys)
    env.push(...fromEnv.env)
    warnings = fromEnv.warnings
  }
  const prefix = flag(ctx.args, 'prefix') ?? ''
  for (const e of env) e.name = prefix + e.name
  const selector = flag(ctx.args, 'containers') ?? '*'
  const overwrite = flag(ctx.args, 'overwrite') !== 'false'

  if (list) return warnings + listEnv(ctx, resources, selector, env, remove)
  return (
    warnings +
    runSetChange(
      ctx,
      resources,
      'env updated',
      (draft, spec, name) => {
        const containers = [...spec.containers, ...(spec.initContainers ?? [])].filter((c) => selectString(c.name, selector))
        if (containers.length === 0) return `Warning: ${draft.kind}/${draft.metadata.name} does not have any containers matching "${selector}"`
        for (const c of containers) {
          if (!overwrite) {
            for (const e of env) {
              const current = c.env?.find((x) => x.name === e.name)
              if (current && current.value !== e.value) return `error: ${name}\n '${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`
            }
          }
          const updated = updateEnv(c.env ?? [], env, remove)
          if (updated.length > 0) c.env = updated
          else delete c.env
        }
      },
      { failurePrefix: 'failed to patch env update to pod template:' },
    )
  )
}

/** Resources come first, then KEY=value and KEY- arguments (envutil.SplitEnvironmentFromResources). */
function splitEnvironmentFromResources(args: string[]): { resources: string[]; envArgs: string[] } {
  const resources: string[] = []
  const envArgs: string[] = []
  for (const s of args) {
    const isEnv = /^(.+)=(.*)$/s.test(s) || s.endsWith('-')
    if (isEnv) envArgs.push(s)
    else if (envArgs.length === 0) resources.push(s)
    else throw new KubectlError(`error: all resources must be specified before environment changes: ${args.join(' ')}`)
  }
  return { resources, envArgs }
}

function parseEnv(specs: string[]): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = []
  const remove: string[] = []
  for (const spec of specs) {
    if (spec === '-') throw new KubectlError("error: when '-' is used, STDIN must be open")
    const eq = spec.indexOf('=')
    if (eq >= 0) {
      const name = spec.slice(0, eq)
      if (!ENV_NAME.test(name)) throw new KubectlError(`error: ${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_ERROR}`)
      env.push({ name, value: spec.slice(eq + 1) })
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1))
    else throw new KubectlError(`error: unknown environment variable: ${spec}`)
  }
  if (remove.some((r) => env.some((e) => e.name === r))) throw new KubectlError('error: can not both modify and remove the same environment variable in the same command')
  return { env, remove }
}

/** Replaces variables by name where they are, appends new ones, drops removed ones (updateEnv). */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove)
  const out: EnvVar[] = []
  for (const e of existing) {
    if (covered.has(e.name)) continue
    const newer = env.find((x) => x.name === e.name)
    if (newer) {
      covered.add(e.name)
      out.push({ ...newer })
    } else out.push(e)
  }
  for (const e of env) {
    if (covered.has(e.name)) continue
    covered.add(e.name)
    out.push({ ...e })
  }
  return out
}

/** `--from=configmap/x` or `secret/x`: one variable per key (of --keys, if given), referring to it. */
function envFrom(ctx: CommandContext, from: string, keys: string[]): { env: EnvVar[]; warnings: string } {
  const [req] = resolveResourceArgs([from])
  if (!req || req.names.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified')
  const env: EnvVar[] = []
  let warnings = ''
  for (const name of req.names) {
    const obj = ctx.sim.store.get(req.resource.kind, ctx.namespace, name)
    if (!obj) throw new KubectlError(`Error from server (NotFound): ${req.resource.plural} "${name}" not found`)
    if (obj.kind !== 'ConfigMap' && obj.kind !== 'Secret') throw new KubectlError('error: unsupported resource specified in --from')
    const data = (obj as KubeObject & { data?: Record<string, string> }).data ?? {}
    // Go ranges over a map in no fixed order; kubesim takes the keys sorted.
    for (const key of Object.keys(data).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue
      const envName = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase()
      if (envName !== key) warnings += `Warning: key ${key} transferred to ${envName}\n`
      const ref = { name: obj.metadata.name, key }
      env.push({ name: envName, valueFrom: obj.kind === 'Secret' ? { secretKeyRef: ref } : { configMapKeyRef: ref } })
    }
  }
  return { env, warnings }
}

/** `--list`: each selected container's environment, with the command's changes applied, in kubectl's format. */
function listEnv(ctx: CommandContext, resources: string[], selector: string, env: EnvVar[], remove: string[]): string {
  let out = ''
  for (const { live } of setTargets(ctx, resources)) {
    const spec = podSpecOf(live)
    if (!spec) continue
    const containers = [...spec.containers, ...(spec.initContainers ?? [])].filter((c) => selectString(c.name, selector))
    for (const c of containers) {
      out += `# ${live.kind} ${live.metadata.name}, container ${c.name}\n`
      for (const e of updateEnv(c.env ?? [], env, remove)) {
        out += e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`
      }
    }
  }
  return out
}

/** envutil.GetEnvVarRefString. */
function refString(from: unknown): string {
  const f = from as Record<string, Record<string, string> | undefined>
  if (f.configMapKeyRef) return `configmap ${f.configMapKeyRef.name}, key ${f.configMapKeyRef.key}`
  if (f.secretKeyRef) return `secret ${f.secretKeyRef.name}, key ${f.secretKeyRef.key}`
  if (f.fieldRef) return `field path ${f.fieldRef.fieldPath}`
  if (f.resourceFieldRef) return `resource field ${f.resourceFieldRef.containerName ? `${f.resourceFieldRef.containerName}/` : ''}${f.resourceFieldRef.resource}`
  return 'invalid valueFrom'
}

