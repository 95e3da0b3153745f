import { GLOBAL_FLAGS, type FlagSpec } from '../../args.ts'
import { KubectlError } from '../../resolve.ts'
import { applyFiles } from '../apply.ts'
import type { CommandContext, KubectlCommand } from '../context.ts'
import { dryRunStrategy, OBJECT_OUTPUT_FLAGS, outputFormat, printObject, submitObject, withSaveConfig } from '../objectOutput.ts'
import { FAMILY_HELP } from './familyHelp.ts'
import type { CreateGenerator } from './generator.ts'
import { CREATE_GENERATORS } from './generators.ts'

const FILE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', takesValue: true, repeatable: true },
  { name: 'recursive', short: 'R', takesValue: false },
]

/** Every flag any generator takes, so one parse reads them all; each generator then refuses the ones not its own. */
function unionFlags(): FlagSpec[] {
  const out: FlagSpec[] = [...FILE_FLAGS, ...OBJECT_OUTPUT_FLAGS]
  for (const g of CREATE_GENERATORS) {
    for (const f of g.flags) {
      const i = out.findIndex((o) => o.name === f.name)
      if (i < 0) out.push(f)
      else if (f.repeatable) out[i] = { ...out[i], repeatable: true }
    }
  }
  return out
}

/** `kubectl create -f FILE` or `kubectl create <what> NAME …` (pkg/cmd/create). */
export const createCommand: KubectlCommand = {
  name: 'create',
  flags: unionFlags(),
  commandPath(argv) {
    const words = argv.filter((w) => !w.startsWith('-'))
    const family = CREATE_GENERATORS.filter((g) => g.path[0] === words[0] || g.aliases?.includes(words[0]))
    if (family.length === 0) return 'create'
    const generator = family[0].path.length > 1 ? family.find((g) => g.path[1] === words[1]) : family[0]
    return `create ${(generator ?? family[0]).path.slice(0, generator ? undefined : 1).join(' ')}`
  },
  run(ctx) {
    const positional = ctx.args.positional
    if (positional.length === 0) return applyFiles(ctx, 'create')
    const family = CREATE_GENERATORS.filter((g) => g.path[0] === positional[0] || g.aliases?.includes(positional[0]))
    if (family.length === 0) throw new KubectlError(`error: Unexpected args: [${positional.join(' ')}]\nSee 'kubectl create -h' for help and examples`)
    let generator: CreateGenerator | undefined = family[0]
    let rest = positional.slice(1)
    if (family[0].path.length > 1) {
      const word = family[0].path[0]
      if (rest.length === 0) return FAMILY_HELP[word]
      generator = family.find((g) => g.path[1] === rest[0])
      if (!generator) throw new KubectlError(`error: unknown command "${rest.join(' ')}"\nSee 'kubectl create ${word} -h' for help and examples`)
      rest = rest.slice(1)
    }
    return runGenerator(ctx, generator, rest)
  },
}

function runGenerator(ctx: CommandContext, generator: CreateGenerator, names: string[]): string {
  const usage = `kubectl create ${generator.path.join(' ')}`
  const own = [...GLOBAL_FLAGS, ...OBJECT_OUTPUT_FLAGS, ...generator.flags]
  for (const name of ctx.args.flags.keys()) {
    if (!own.some((f) => f.name === name)) throw new KubectlError(`error: unknown flag: --${name}\nSee '${usage} --help' for usage.`)
  }
  const missing = (generator.required ?? []).filter((f) => !ctx.args.flags.has(f)).sort()
  if (missing.length) throw new KubectlError(`error: required flag(s) ${missing.map((f) => `"${f}"`).join(', ')} not set`)
  if (names.length !== 1) throw new KubectlError(`error: exactly one NAME is required, got ${names.length}\nSee '${usage} -h' for help and examples`)
  const dryRun = dryRunStrategy(ctx.args)
  const format = outputFormat(ctx.args)
  const warnings: string[] = []
  const built = generator.build({
    ctx,
    args: ctx.args,
    name: names[0],
    namespace: ctx.args.flags.has('namespace') ? ctx.namespace : undefined,
    warn: (line) => warnings.push(line + '\n'),
  })
  const result = submitObject(ctx, withSaveConfig(built, ctx.args), dryRun, generator.failurePrefix)
  return warnings.join('') + printObject(result, format, dryRun)
}
