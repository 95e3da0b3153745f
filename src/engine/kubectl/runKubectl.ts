import type { Simulation } from '../simulation.ts'
import type { WatchStream } from './commands/getWatch.ts'
import { boolFlag, FlagError, flag, parseArgs } from './args.ts'
import { findCommand } from './commands/registry.ts'
import { ApiError } from '../api/errors.ts'
import { KubectlError } from './resolve.ts'

/** Where kubectl gets files and standard input from; the CLI and the browser differ. */
export interface KubectlIO {
  /** Text for `-f -`. */
  stdin?: string
  /** Reads `-f PATH`: the files' texts with their display names, or an error message; undefined if missing. */
  readPath?(path: string): { name: string; text: string }[] | string | undefined
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
}

/**
 * Runs one kubectl command line against the simulation and returns what kubectl would
 * print (stdout and stderr together). `argv` excludes the leading `kubectl`.
 */
export function runKubectl(sim: Simulation, argv: string[], io: KubectlIO = {}): string {
  const name = argv[0]
  if (!name) return 'kubectl controls the Kubernetes cluster manager.\n'
  const command = findCommand(name)
  if (!command) return `error: unknown command "${name}" for "kubectl"\n`
  try {
    const args = parseArgs(argv.slice(1), command.flags)
    const namespace = flag(args, 'namespace') ?? 'default'
    return command.run({ sim, args, io, namespace, allNamespaces: boolFlag(args, 'all-namespaces') })
  } catch (e) {
    if (e instanceof FlagError) return `error: ${e.message}\nSee 'kubectl ${name} --help' for usage.\n`
    if (e instanceof KubectlError) return e.message + '\n'
    if (e instanceof ApiError) return e.printed() + '\n'
    throw e
  }
}
