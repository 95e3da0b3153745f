/**
 * kubectl command-line parsing: shell-like word splitting and pflag-style flags
 * (`-n ns`, `--namespace=ns`, `-oyaml`, `--all`, `-A`).
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = []
  let current = ''
  let inWord = false
  let quote: '"' | "'" | null = null
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quote) {
      if (ch === quote) quote = null
      // Inside double quotes a backslash escapes only `"` and `\`, as in a POSIX shell.
      else if (ch === '\\' && quote === '"' && (line[i + 1] === '"' || line[i + 1] === '\\')) current += line[++i]
      else current += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      inWord = true
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line[++i]
      inWord = true
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current)
      current = ''
      inWord = false
    } else {
      current += ch
      inWord = true
    }
  }
  if (inWord) words.push(current)
  return words
}

/** A flag a command accepts: long name, optional shorthand, and whether it takes a value. */
export interface FlagSpec {
  name: string
  short?: string
  takesValue: boolean
  /** May be given more than once (`-f a -f b`). */
  repeatable?: boolean
  /** pflag's NoOptDefVal: the value of a bare `--flag`, which then never takes the next word (`--dry-run`). */
  optionalValue?: string
}

export interface ParsedArgs {
  positional: string[]
  flags: Map<string, string[]>
  /** Words after a bare `--` (the container command of `kubectl run`). */
  afterDash: string[]
  /** How many positional words came before the `--`, when there was one (cobra's ArgsLenAtDash). */
  dashAt?: number
}

/** Flags every command accepts (kubectl's global flags). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', takesValue: true },
  { name: 'all-namespaces', short: 'A', takesValue: false },
  { name: 'context', takesValue: true },
  { name: 'kubeconfig', takesValue: true },
  { name: 'v', takesValue: true },
]

export class FlagError extends Error {}

export function parseArgs(argv: string[], specs: FlagSpec[]): ParsedArgs {
  const all = [...GLOBAL_FLAGS, ...specs]
  const positional: string[] = []
  const flags = new Map<string, string[]>()
  let afterDash: string[] = []
  let dashAt: number | undefined
  const set = (spec: FlagSpec, value: string) => {
    const list = flags.get(spec.name) ?? []
    flags.set(spec.name, spec.repeatable ? [...list, value] : [value])
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      afterDash = argv.slice(i + 1)
      dashAt = positional.length
      break
    }
    if (arg.startsWith('--')) {
      const [name, inline] = splitOnce(arg.slice(2), '=')
      const spec = all.find((s) => s.name === name)
      if (!spec) throw new FlagError(`unknown flag: --${name}`)
      if (!spec.takesValue) set(spec, inline ?? 'true')
      else if (inline !== undefined) set(spec, inline)
      else if (spec.optionalValue !== undefined) set(spec, spec.optionalValue)
      else if (i + 1 < argv.length) set(spec, argv[++i])
      else throw new FlagError(`flag needs an argument: --${name}`)
    } else if (arg.startsWith('-') && arg.length > 1) {
      const short = arg[1]
      const spec = all.find((s) => s.short === short)
      if (!spec) throw new FlagError(`unknown shorthand flag: '${short}' in ${arg}`)
      const rest = arg.slice(2)
      if (!spec.takesValue) {
        set(spec, 'true')
        // Combined booleans like -Aw are rare; treat the rest as more shorthands.
        if (rest) argv.splice(i + 1, 0, `-${rest}`)
      } else if (rest) set(spec, rest.startsWith('=') ? rest.slice(1) : rest)
      else if (i + 1 < argv.length) set(spec, argv[++i])
      else throw new FlagError(`flag needs an argument: '${short}' in -${short}`)
    } else {
      positional.push(arg)
    }
  }
  return { positional, flags, afterDash, dashAt }
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep)
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)]
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.[0]
}

export function flagList(args: ParsedArgs, name: string): string[] {
  return args.flags.get(name) ?? []
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  const v = flag(args, name)
  return v !== undefined && v !== 'false'
}
