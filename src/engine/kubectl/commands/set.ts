import { DRY_RUN_FLAG } from '../dryRunFlag.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { setEnv } from './setEnv.ts'
import { setImage } from './setImage.ts'
import { setResources } from './setResources.ts'
import { setServiceAccount } from './setServiceAccount.ts'

const SUBCOMMANDS: Record<string, (ctx: CommandContext, args: string[]) => string> = {
  image: setImage,
  env: setEnv,
  resources: setResources,
  serviceaccount: setServiceAccount,
  sa: setServiceAccount,
}

/** `kubectl set image|env|resources|serviceaccount …`: each subcommand in its own file. */
export const setCommand: KubectlCommand = {
  name: 'set',
  flags: [
    { name: 'containers', short: 'c', takesValue: true },
    { name: 'env', short: 'e', takesValue: true, repeatable: true },
    { name: 'from', takesValue: true },
    { name: 'keys', takesValue: true, repeatable: true },
    { name: 'prefix', takesValue: true },
    { name: 'list', takesValue: false },
    { name: 'resolve', takesValue: false },
    { name: 'overwrite', takesValue: false },
    { name: 'limits', takesValue: true },
    { name: 'requests', takesValue: true },
    { name: 'all', takesValue: false },
    { name: 'selector', short: 'l', takesValue: true },
    { name: 'local', takesValue: false },
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
    { name: 'output', short: 'o', takesValue: true },
    { name: 'record', takesValue: false },
    { name: 'field-manager', takesValue: true },
    DRY_RUN_FLAG,
  ],
  run(ctx) {
    const [what, ...rest] = ctx.args.positional
    if (!what) throw new KubectlError("error: Required resource not specified.\nSee 'kubectl set -h' for help and examples")
    const sub = SUBCOMMANDS[what]
    if (!sub) throw new KubectlError(`error: unknown command "${what}"\nSee 'kubectl set -h' for help and examples`)
    return sub(ctx, rest)
  },
}
