import { boolFlag, FlagError, GLOBAL_FLAGS, parseArgs, type ParsedArgs } from '../engine/kubectl/args.ts'
import { findCommand } from '../engine/kubectl/commands/registry.ts'

/**
 * What a lab's kubectl lines may do. Checks only read: they run after every command the
 * student types and as time passes, so a check that wrote or waited would change the
 * cluster it is judging. And a lab carries its manifests inline, so `-f PATH` is out.
 */

/** The verb and what follows it, with the root flags (`-n dev`) that may come before the verb skipped. */
function splitVerb(argv: string[]): { verb?: string; rest: string[] } {
  let i = 0
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '-' && argv[i] !== '--') {
    const arg = argv[i]
    const long = arg.startsWith('--')
    const name = long ? arg.slice(2).split('=')[0] : arg[1]
    const spec = GLOBAL_FLAGS.find((f) => (long ? f.name === name : f.short === name))
    const inline = long ? arg.includes('=') : arg.length > 2
    i += spec?.takesValue && !inline ? 2 : 1
  }
  return { verb: argv[i], rest: [...argv.slice(0, i), ...argv.slice(i + 1)] }
}

/** The kubectl verb of a command line (without `kubectl`), root flags before it skipped. */
export const kubectlVerb = (argv: string[]) => splitVerb(argv).verb

function parsed(argv: string[]): { verb?: string; args?: ParsedArgs } {
  const { verb, rest } = splitVerb(argv)
  const command = verb === undefined ? undefined : findCommand(verb)
  if (!command) return { verb }
  try {
    return { verb, args: parseArgs(rest, command.flags) }
  } catch (e) {
    // A flag kubectl refuses: the line prints kubectl's error, which reads nothing either.
    if (e instanceof FlagError) return { verb }
    throw e
  }
}

/** `-f PATH` (or `--filename PATH`) naming a file: a lab has no files beside it. `-f -` reads the heredoc. */
export function fileArgumentProblem(argv: string[]): string | undefined {
  const { verb } = splitVerb(argv)
  const command = verb === undefined ? undefined : findCommand(verb)
  const spec = command?.flags.find((f) => f.name === 'filename')
  if (!spec) return undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    let value: string | undefined
    if (arg === '--filename' || arg === `-${spec.short}`) value = argv[i + 1]
    else if (arg.startsWith('--filename=')) value = arg.slice('--filename='.length)
    else if (spec.short && arg.startsWith(`-${spec.short}`) && !arg.startsWith('--')) value = arg.slice(2).replace(/^=/, '')
    else continue
    if (value !== '-') return `-f ${value ?? 'PATH'} names a file; a lab carries its manifests inline (kubectl ${verb} -f - <<EOF … EOF)`
  }
  return undefined
}

/** Verbs that only read, and for verbs with subcommands, the subcommands that do. */
const READ_VERBS: Record<string, true | readonly string[]> = {
  get: true,
  describe: true,
  logs: true,
  events: true,
  explain: true,
  'api-resources': true,
  'api-versions': true,
  version: true,
  'cluster-info': true,
  config: ['view', 'get-contexts', 'current-context', 'get-clusters', 'get-users'],
  rollout: ['history'],
  // Runs a command in a container; what it can change outside the API is undone (checkIsolation.ts).
  exec: true,
}

/** Flags that make a read wait for changes instead of answering at once. */
const WAITING_FLAGS = ['watch', 'watch-only', 'follow']

/** Why a check's kubectl line is not a plain read (it writes, waits or reads a file), or undefined. */
export function checkCommandProblem(argv: string[]): string | undefined {
  const { verb, args } = parsed(argv)
  if (verb === undefined) return 'a check needs a kubectl command'
  const allowed = READ_VERBS[verb]
  const sub = args?.positional[0]
  if (allowed === undefined) return `a check only reads: "kubectl ${verb}" ${findCommand(verb) ? 'changes the cluster or waits' : 'is not a kubectl command kubesim answers'}`
  if (allowed !== true && (sub === undefined || !allowed.includes(sub))) {
    return `a check only reads: "kubectl ${verb}${sub ? ` ${sub}` : ''}" ${verb === 'rollout' && sub === 'status' ? 'waits' : 'changes the cluster or waits'}`
  }
  const waiting = WAITING_FLAGS.find((f) => args && boolFlag(args, f))
  if (waiting) return `a check does not wait: --${waiting} keeps the command running`
  if (args?.flags.has('filename')) return 'a check reads no files: drop -f'
  return undefined
}
