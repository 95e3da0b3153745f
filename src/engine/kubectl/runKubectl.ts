import type { Simulation } from '../simulation.ts'
import type { WatchStream } from './commands/getWatch.ts'
import type { EditSession } from './editSession.ts'
import { boolFlag, FlagError, flag, GLOBAL_FLAGS, parseArgs } from './args.ts'
import { findCommand } from './commands/registry.ts'
import { ApiError } from '../api/errors.ts'
import { contextNamespace } from '../kubeconfig.ts'
import { KubectlError } from './resolve.ts'

/** Where kubectl gets files and standard input from; the CLI and the browser differ. */
export interface KubectlIO {
  /** Text for `-f -`. */
  stdin?: string
  /** Reads `-f PATH`: the files' texts with their display names, or an error message; undefined if missing. */
  readPath?(path: string): { name: string; text: string }[] | string | undefined
  /** Reads a local file or folder as `--from-file`/`--from-env-file` do: every regular file of a folder; undefined if missing. */
  readLocal?(path: string): { file: string } | { dir: { name: string; text: string }[] } | undefined
  /**
   * Whether a blocking command (`kubectl delete` waiting for the pod to go) moves
   * simulated time forward. True in scripts; false in the browser, where time runs anyway.
   */
  waitAdvancesTime?: boolean
  /**
   * The app's terminal streams `get -w`: it takes the stream and drains it as time runs,
   * until the user stops it. Scripts have no wall time to wait on, so they leave this out.
   */
  watch?(stream: WatchStream): void
  /**
   * The app's editor takes `kubectl edit`'s buffer and later finishes the session (editSession.ts).
   * Scripts have no editor, so they leave this out and edit is refused.
   */
  edit?(session: EditSession): void
}

/** kubectl's persistent root flags, which may come before the verb (`kubectl -n dev get pods`); -A is not one. */
const ROOT_FLAGS = GLOBAL_FLAGS.filter((f) => f.name !== 'all-namespaces')

/**
 * Splits `[root flags…] VERB rest…` into the verb and its arguments, the root flags moved
 * after the verb. A string is kubectl's refusal: a flag that is not a root flag cannot
 * come before the verb (kubectl then looks for a plugin and says so).
 */
function splitVerb(argv: string[]): { verb?: string; args: string[] } | string {
  const leading: string[] = []
  let i = 0
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '--' && argv[i] !== '-'; i++) {
    const arg = argv[i]
    const long = arg.startsWith('--')
    const name = long ? arg.slice(2).split('=')[0] : arg[1]
    const spec = ROOT_FLAGS.find((f) => (long ? f.name === name : f.short === name))
    if (!spec) return `Error: flags cannot be placed before plugin name: ${argv[0]}\n`
    leading.push(arg)
    const inline = long ? arg.includes('=') : arg.length > 2
    if (spec.takesValue && !inline) {
      if (i + 1 >= argv.length) {
        return `error: flag needs an argument: ${long ? `--${name}` : `'${name}' in -${name}`}\nSee 'kubectl --help' for usage.\n`
      }
      leading.push(argv[++i])
    }
  }
  const verb = argv[i]
  if (verb !== undefined && leading.length > 0 && !findCommand(verb)) return `Error: flags cannot be placed before plugin name: ${argv[0]}\n`
  return { verb, args: [...leading, ...argv.slice(i + 1)] }
}

/** Commands that read only the kubeconfig file, so a --context naming no context does not stop them. */
function needsContext(verb: string, clientOnly: boolean): boolean {
  return verb !== 'config' && !(verb === 'version' && clientOnly)
}

/**
 * Runs one kubectl command line against the simulation and returns what kubectl would
 * print (stdout and stderr together). `argv` excludes the leading `kubectl`.
 */
export function runKubectl(sim: Simulation, argv: string[], io: KubectlIO = {}): string {
  // What the command writes is recorded as the user's doing, with the command line as its cause.
  return sim.ctx.store.causes.asUser(['kubectl', ...argv].join(' '), () => runKubectlCommand(sim, argv, io))
}

function runKubectlCommand(sim: Simulation, argv: string[], io: KubectlIO): string {
  const split = splitVerb(argv)
  if (typeof split === 'string') return split
  const name = split.verb
  if (!name) return 'kubectl controls the Kubernetes cluster manager.\n'
  const command = findCommand(name)
  if (!command) return `error: unknown command "${name}" for "kubectl"\n`
  try {
    const args = parseArgs(split.args, command.flags)
    const contextName = flag(args, 'context') || sim.kubeconfig.currentContext
    if (needsContext(name, boolFlag(args, 'client')) && !sim.kubeconfig.contexts[contextName]) {
      return flag(args, 'context')
        ? `Error in configuration: context was not found for specified context: ${contextName}\n`
        : 'error: current-context is not set\n'
    }
    const namespace = flag(args, 'namespace') || contextNamespace(sim.kubeconfig, contextName)
    return command.run({ sim, args, io, namespace, allNamespaces: boolFlag(args, 'all-namespaces') })
  } catch (e) {
    if (e instanceof FlagError) return `error: ${e.message}\nSee 'kubectl ${command.commandPath?.(argv.slice(1)) ?? name} --help' for usage.\n`
    if (e instanceof KubectlError) return e.message + '\n'
    if (e instanceof ApiError) return e.printed() + '\n'
    throw e
  }
}
