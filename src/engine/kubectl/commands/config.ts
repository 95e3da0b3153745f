import { CA_DATA, CLIENT_CERT_DATA, CLIENT_KEY_DATA, KUBESIM_CLUSTER, KUBESIM_SERVER, KUBESIM_USER, type Kubeconfig, type KubeconfigContext } from '../../kubeconfig.ts'
import { boolFlag, flag, type FlagSpec } from '../args.ts'
import { JsonPath, JsonPathError, jsonPathExecutionError } from '../printers/jsonpath.ts'
import { printYaml } from '../printers/objectPrinter.ts'
import { sortedKeys } from '../../util/goJson.ts'
import { KubectlError } from '../resolve.ts'
import { GET_TABWRITER, tabwrite } from '../tabwriter.ts'
import { CONFIG_HELP, SET_CONTEXT_HELP, USE_CONTEXT_HELP } from './configHelp.ts'
import type { CommandContext, KubectlCommand } from './context.ts'

/** Each subcommand's own flags (-n/--namespace is the global flag, which set-context reads as its own). */
const SUBCOMMAND_FLAGS: Record<string, string[]> = {
  view: ['output', 'minify', 'raw', 'flatten', 'merge', 'template', 'allow-missing-template-keys', 'show-managed-fields'],
  'get-contexts': ['output', 'no-headers'],
  'current-context': [],
  'set-context': ['current', 'cluster', 'user'],
  'use-context': [],
  use: [],
  'get-clusters': [],
  'get-users': [],
}

const FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', takesValue: true },
  { name: 'minify', takesValue: false },
  { name: 'raw', takesValue: false },
  { name: 'flatten', takesValue: false },
  { name: 'merge', takesValue: true, optionalValue: 'true' },
  { name: 'template', takesValue: true },
  { name: 'allow-missing-template-keys', takesValue: false },
  { name: 'show-managed-fields', takesValue: false },
  { name: 'no-headers', takesValue: false },
  { name: 'current', takesValue: false },
  { name: 'cluster', takesValue: true },
  { name: 'user', takesValue: true },
]

/** Flags set on the command line that the subcommand does not have: pflag's `unknown flag`. */
function refuseForeignFlags(ctx: CommandContext, sub: string): void {
  const own = SUBCOMMAND_FLAGS[sub]
  for (const name of ctx.args.flags.keys()) {
    const spec = FLAGS.find((f) => f.name === name)
    if (spec && !own.includes(name)) {
      throw new KubectlError(`error: unknown ${spec.short ? `shorthand flag: '${spec.short}' in -${spec.short}` : `flag: --${name}`}\nSee 'kubectl config ${sub} --help' for usage.`)
    }
  }
}

const sortedNames = (contexts: Kubeconfig['contexts']) => Object.keys(contexts).sort()

/** The kubeconfig as clientcmd's v1 Config, keys sorted as the YAML printer prints them; secrets as `DATA+OMITTED` unless --raw. */
function configObject(config: Kubeconfig, raw: boolean, only?: string): Record<string, unknown> {
  const data = (value: string) => (raw ? value : 'DATA+OMITTED')
  const names = only ? [only] : sortedNames(config.contexts)
  const used = (pick: (c: KubeconfigContext) => string, name: string) => !only || pick(config.contexts[only]) === name
  return {
    apiVersion: 'v1',
    clusters: used((c) => c.cluster, KUBESIM_CLUSTER) ? [{ cluster: { 'certificate-authority-data': data(CA_DATA), server: KUBESIM_SERVER }, name: KUBESIM_CLUSTER }] : null,
    contexts: names.length ? names.map((name) => ({ context: contextFields(config.contexts[name]), name })) : null,
    'current-context': config.currentContext,
    kind: 'Config',
    preferences: {},
    users: used((c) => c.user, KUBESIM_USER) ? [{ name: KUBESIM_USER, user: { 'client-certificate-data': data(CLIENT_CERT_DATA), 'client-key-data': data(CLIENT_KEY_DATA) } }] : null,
  }
}

function contextFields(c: KubeconfigContext): Record<string, string> {
  return { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user }
}

/** `-o json` prints the typed v1.Config: fields in struct order, not sorted. */
function configJson(obj: Record<string, unknown>): string {
  const contexts = obj.contexts as { context: Record<string, string>; name: string }[] | null
  const clusters = obj.clusters as { cluster: Record<string, string>; name: string }[] | null
  const users = obj.users as { name: string; user: Record<string, string> }[] | null
  const typed = {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: clusters?.map((c) => ({ name: c.name, cluster: { server: c.cluster.server, 'certificate-authority-data': c.cluster['certificate-authority-data'] } })) ?? null,
    users: users?.map((u) => ({ name: u.name, user: u.user })) ?? null,
    contexts: contexts?.map((c) => ({ name: c.name, context: { cluster: c.context.cluster, user: c.context.user, ...(c.context.namespace ? { namespace: c.context.namespace } : {}) } })) ?? null,
    'current-context': obj['current-context'],
  }
  return JSON.stringify(typed, null, 4) + '\n'
}

function view(ctx: CommandContext, config: Kubeconfig): string {
  if (ctx.args.positional.length > 1) {
    throw new KubectlError(`error: unexpected arguments: [${ctx.args.positional.slice(1).join(' ')}]\nSee 'kubectl config view -h' for help and examples`)
  }
  let only: string | undefined
  if (boolFlag(ctx.args, 'minify')) {
    only = flag(ctx.args, 'context') || config.currentContext
    if (!only) throw new KubectlError('error: current-context must exist in order to minify')
    const context = config.contexts[only]
    if (!context) throw new KubectlError(`error: cannot locate context ${only}`)
    if (context.cluster !== KUBESIM_CLUSTER) throw new KubectlError(`error: cannot locate cluster ${context.cluster}`)
    if (context.user !== KUBESIM_USER) throw new KubectlError(`error: cannot locate user ${context.user}`)
  }
  const obj = configObject(only ? { ...config, currentContext: only } : config, boolFlag(ctx.args, 'raw') || boolFlag(ctx.args, 'flatten'), only)
  const output = flag(ctx.args, 'output') ?? 'yaml'
  if (output === 'yaml') return printYaml(obj)
  if (output === 'json') return configJson(obj)
  if (output === 'name') return 'config/<unknown>\n'
  const eq = output.indexOf('=')
  const format = eq < 0 ? output : output.slice(0, eq)
  const template = eq < 0 ? (flag(ctx.args, 'template') ?? '') : output.slice(eq + 1)
  if (format === 'jsonpath' || format === 'jsonpath-as-json') {
    if (!template) throw new KubectlError('error: template format specified but no template given')
    const data = sortedKeys(obj) as Parameters<JsonPath['execute']>[0]
    try {
      return new JsonPath(template, { allowMissingKeys: flag(ctx.args, 'allow-missing-template-keys') !== 'false', outputJson: format === 'jsonpath-as-json' }).execute(data)
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e
      throw new KubectlError(`error: ${jsonPathExecutionError(template, e.message, data).replace(/\n$/, '')}`)
    }
  }
  throw new KubectlError(
    `error: unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
  )
}

function getContexts(ctx: CommandContext, config: Kubeconfig): string {
  const output = flag(ctx.args, 'output') ?? ''
  if (output !== '' && output !== 'name') {
    throw new KubectlError(`error: --output ${output} is not available in kubectl config get-contexts; resetting to default output format`)
  }
  const nameOnly = output === 'name'
  const wanted = ctx.args.positional.slice(1)
  const errors = wanted.filter((n) => !config.contexts[n]).map((n) => `context ${n} not found`)
  const names = (wanted.length ? wanted.filter((n) => config.contexts[n]) : Object.keys(config.contexts)).sort()
  const lines: string[] = []
  if (!nameOnly && !boolFlag(ctx.args, 'no-headers')) lines.push('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE')
  for (const name of names) {
    const c = config.contexts[name]
    lines.push(nameOnly ? name : `${name === config.currentContext ? '*' : ' '}\t${name}\t${c.cluster}\t${c.user}\t${c.namespace ?? ''}`)
  }
  const table = lines.length ? tabwrite(lines.join('\n') + '\n', GET_TABWRITER) : ''
  const errorText = errors.length === 1 ? `error: ${errors[0]}\n` : errors.map((e) => e + '\n').join('')
  return table + errorText
}

function setContext(ctx: CommandContext, config: Kubeconfig): string {
  const args = ctx.args.positional.slice(1)
  if (args.length > 1) return SET_CONTEXT_HELP + `error: Unexpected args: [${args.join(' ')}]\n`
  const current = boolFlag(ctx.args, 'current')
  const named = args[0] ?? ''
  if (!named && !current) throw new KubectlError('error: you must specify a non-empty context name or --current')
  if (named && current) throw new KubectlError('error: you cannot specify both a context name and --current')
  if (current && !config.currentContext) throw new KubectlError('error: no current context is set')
  const name = current ? config.currentContext : named
  const existed = name in config.contexts
  const context: KubeconfigContext = { ...(config.contexts[name] ?? { cluster: '', user: '' }) }
  const given = (f: string) => ctx.args.flags.has(f)
  if (given('cluster')) context.cluster = flag(ctx.args, 'cluster') ?? ''
  if (given('user')) context.user = flag(ctx.args, 'user') ?? ''
  if (given('namespace')) {
    const ns = flag(ctx.args, 'namespace') ?? ''
    if (ns) context.namespace = ns
    else delete context.namespace
  }
  config.contexts[name] = context
  return `Context "${name}" ${existed ? 'modified' : 'created'}.\n`
}

function useContext(ctx: CommandContext, config: Kubeconfig): string {
  const args = ctx.args.positional.slice(1)
  if (args.length !== 1) return USE_CONTEXT_HELP + `error: Unexpected args: [${args.join(' ')}]\n`
  const name = args[0]
  if (!config.contexts[name]) throw new KubectlError(`error: no context exists with the name: ${JSON.stringify(name)}`)
  config.currentContext = name
  return `Switched to context "${name}".\n`
}

/**
 * `kubectl config` (pkg/cmd/config) over the simulation's kubeconfig: view, get-contexts,
 * current-context, set-context, use-context, get-clusters and get-users.
 */
export const configCommand: KubectlCommand = {
  name: 'config',
  flags: FLAGS,
  run(ctx) {
    const sub = ctx.args.positional[0]
    if (sub === undefined) return CONFIG_HELP
    if (!(sub in SUBCOMMAND_FLAGS)) throw new KubectlError(`error: unknown command ${JSON.stringify(sub)}\nSee 'kubectl config -h' for help and examples`)
    refuseForeignFlags(ctx, sub)
    const config = ctx.sim.kubeconfig
    switch (sub) {
      case 'view':
        return view(ctx, config)
      case 'get-contexts':
        return getContexts(ctx, config)
      case 'current-context':
        if (!config.currentContext) throw new KubectlError('error: current-context is not set')
        return config.currentContext + '\n'
      case 'set-context':
        return setContext(ctx, config)
      case 'get-clusters':
        return `NAME\n${KUBESIM_CLUSTER}\n`
      case 'get-users':
        return `NAME\n${KUBESIM_USER}\n`
      default:
        return useContext(ctx, config)
    }
  },
}
