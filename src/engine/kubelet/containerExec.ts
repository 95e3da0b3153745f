/**
 * What a simulated container answers to `kubectl exec`: the few commands whose output
 * follows from what kubesim knows (its environment, hostname, the files its own command
 * created, the simulated clock). Anything else is refused with a "not simulated" line
 * rather than a made-up answer.
 */

/** What the container can see of itself at the moment of the exec. */
export interface ExecEnvironment {
  /** Its environment, in the order the runtime hands it to the process. */
  env: [string, string][]
  hostname: string
  /** Files that exist now, by absolute path, with their contents. */
  files: Map<string, string>
  /** Simulated wall time, milliseconds since the Unix epoch. */
  epochMs: number
  /** busybox/alpine word their errors differently from GNU coreutils. */
  busybox: boolean
  /** Mounted volumes whose whole content kubesim knows: a file missing there is really missing. */
  knownDirs?: string[]
}

export type ExecResult = { output: string; exitCode: number } | { notSimulated: string }

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `date` with no arguments, as coreutils and busybox print it in UTC: `Mon Jan  5 09:00:00 UTC 2026`. */
export function dateLine(epochMs: number): string {
  const d = new Date(epochMs)
  const pad = (n: number) => String(n).padStart(2, '0')
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} UTC ${d.getUTCFullYear()}`
}

/** The known folder (/tmp, or a mounted volume) `path` is in or is, if any. */
function knownFolder(env: ExecEnvironment, path: string): string | undefined {
  return ['/tmp', ...(env.knownDirs ?? [])].find((d) => path === d || path.startsWith(d === '/' ? '/' : d + '/'))
}

/**
 * Files a directory holds, as names, when kubesim knows them all: /tmp starts empty and
 * holds only what the container's command made; a mounted volume holds what the kubelet
 * or the pod's containers put there. Other folders hold the image's own files, which
 * kubesim does not model. A volume's `..data` links are hidden, as `ls` hides dot files.
 */
function directoryListing(env: ExecEnvironment, dir: string): string[] | undefined {
  const path = dir.length > 1 ? dir.replace(/\/+$/, '') : dir
  const folder = knownFolder(env, path)
  if (!folder) return undefined
  const prefix = path === '/' ? '/' : path + '/'
  const names = [...env.files.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0])
  if (path !== folder && names.length === 0) return undefined
  return [...new Set(names)].filter((n) => !n.startsWith('.')).sort()
}

function notSimulated(what: string): ExecResult {
  if (/^(\/bin\/)?(ba|a)?sh$/.test(what)) return { notSimulated: 'kubesim: an interactive shell is not simulated; run one command at a time, e.g. kubectl exec POD -- ls /tmp' }
  return { notSimulated: `kubesim: "${what}" is not simulated in exec (it answers env, printenv, hostname, echo, date, cat and ls of the container's files, and sh -c of those)` }
}

function cat(args: string[], env: ExecEnvironment): ExecResult {
  if (args.length === 0 || args.some((a) => a.startsWith('-'))) return notSimulated(['cat', ...args].join(' '))
  let output = ''
  let exitCode = 0
  for (const path of args) {
    const content = env.files.get(path)
    if (content !== undefined) output += content
    else if (knownFolder(env, path) && path !== knownFolder(env, path)) {
      output += env.busybox ? `cat: can't open '${path}': No such file or directory\n` : `cat: ${path}: No such file or directory\n`
      exitCode = 1
    } else return notSimulated(`cat ${path}`)
  }
  return { output, exitCode }
}

function ls(args: string[], env: ExecEnvironment): ExecResult {
  const paths = args.filter((a) => a !== '-1')
  if (paths.length === 0 || paths.some((a) => a.startsWith('-'))) return notSimulated(['ls', ...args].join(' '))
  let output = ''
  let exitCode = 0
  const missing = (p: string) => {
    output += env.busybox ? `ls: ${p}: No such file or directory\n` : `ls: cannot access '${p}': No such file or directory\n`
    exitCode = env.busybox ? 1 : 2
  }
  const listings: string[] = []
  for (const path of paths) {
    if (env.files.has(path)) {
      listings.push(`${path}\n`)
      continue
    }
    const names = directoryListing(env, path)
    if (names) listings.push((paths.length > 1 ? `${path}:\n` : '') + names.map((n) => n + '\n').join(''))
    else if (knownFolder(env, path)) missing(path)
    else return notSimulated(`ls ${path}`)
  }
  return { output: output + listings.join(paths.length > 1 ? '\n' : ''), exitCode }
}

/** One command, already split into words. */
function runWords(words: string[], env: ExecEnvironment): ExecResult {
  const [command, ...args] = words
  const name = command.replace(/^\/(usr\/)?bin\//, '')
  switch (name) {
    case 'env':
      if (args.length > 0) return notSimulated(words.join(' '))
      return { output: env.env.map(([k, v]) => `${k}=${v}\n`).join(''), exitCode: 0 }
    case 'printenv': {
      if (args.length === 0) return { output: env.env.map(([k, v]) => `${k}=${v}\n`).join(''), exitCode: 0 }
      const values = args.map((a) => env.env.find(([k]) => k === a)?.[1])
      return { output: values.filter((v) => v !== undefined).map((v) => v + '\n').join(''), exitCode: values.every((v) => v !== undefined) ? 0 : 1 }
    }
    case 'hostname':
      return args.length > 0 ? notSimulated(words.join(' ')) : { output: env.hostname + '\n', exitCode: 0 }
    case 'echo': {
      const noNewline = args[0] === '-n'
      return { output: (noNewline ? args.slice(1) : args).join(' ') + (noNewline ? '' : '\n'), exitCode: 0 }
    }
    case 'date':
      return args.length > 0 ? notSimulated(words.join(' ')) : { output: dateLine(env.epochMs) + '\n', exitCode: 0 }
    case 'cat':
      return cat(args, env)
    case 'ls':
      return ls(args, env)
    case 'true':
      return { output: '', exitCode: 0 }
    case 'false':
      return { output: '', exitCode: 1 }
    case 'sh':
    case 'bash':
    case 'ash':
      if (args[0] === '-c' && args.length >= 2) return runScript(args[1], env)
      return notSimulated(words.join(' '))
    default:
      return notSimulated(words.join(' '))
  }
}

/** Splits one shell statement into words, expanding `$VAR` and `${VAR}` outside single quotes. */
function shellWords(statement: string, env: ExecEnvironment): string[] | undefined {
  const lookup = (name: string) => env.env.find(([k]) => k === name)?.[1] ?? ''
  const words: string[] = []
  let current = ''
  let inWord = false
  let quote: '"' | "'" | null = null
  for (let i = 0; i < statement.length; i++) {
    const ch = statement[i]
    if (quote === "'") {
      if (ch === "'") quote = null
      else current += ch
      continue
    }
    if (ch === '$') {
      const m = /^\$(?:\{(\w+)\}|(\w+))/.exec(statement.slice(i))
      if (m) {
        current += lookup(m[1] ?? m[2])
        inWord = true
        i += m[0].length - 1
        continue
      }
    }
    if (quote === '"') {
      if (ch === '"') quote = null
      else if (ch === '\\' && /["\\$]/.test(statement[i + 1] ?? '')) current += statement[++i]
      else current += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      inWord = true
    } else if (/[|<>`&()]/.test(ch)) {
      return undefined
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current)
      current = ''
      inWord = false
    } else {
      current += ch
      inWord = true
    }
  }
  if (quote) return undefined
  if (inWord) words.push(current)
  return words
}

/** `sh -c 'a; b && c || d'`: statements in order, with the shell's && and || short-circuits. */
function runScript(script: string, env: ExecEnvironment): ExecResult {
  // Split on ; && || outside quotes.
  const parts: { statement: string; joiner: ';' | '&&' | '||' }[] = []
  let quote: string | null = null
  let current = ''
  let joiner: ';' | '&&' | '||' = ';'
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]
    if (quote) {
      if (ch === quote) quote = null
      current += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      current += ch
    } else if (ch === ';' || ch === '\n' || script.startsWith('&&', i) || script.startsWith('||', i)) {
      parts.push({ statement: current, joiner })
      joiner = ch === ';' || ch === '\n' ? ';' : (script.slice(i, i + 2) as '&&' | '||')
      if (joiner !== ';') i++
      current = ''
    } else current += ch
  }
  parts.push({ statement: current, joiner })
  let output = ''
  let exitCode = 0
  for (const { statement, joiner: j } of parts) {
    if (statement.trim() === '') continue
    if ((j === '&&' && exitCode !== 0) || (j === '||' && exitCode === 0)) continue
    const words = shellWords(statement.trim(), env)
    if (!words) return notSimulated(statement.trim())
    const exit = /^exit$/.test(words[0]) ? Number(words[1] ?? exitCode) : undefined
    if (exit !== undefined) return { output, exitCode: Number.isInteger(exit) ? exit % 256 : 2 }
    const result = runWords(words, env)
    if ('notSimulated' in result) return result
    output += result.output
    exitCode = result.exitCode
  }
  return { output, exitCode }
}

/** Runs `argv` in the container: no shell unless the command is one. */
export function execInContainer(argv: string[], env: ExecEnvironment): ExecResult {
  return runWords(argv, env)
}
