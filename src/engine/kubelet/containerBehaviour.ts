import type { Container, Pod } from '../api/types.ts'
import type { ImageSpec } from '../images/catalog.ts'
import { parseDuration } from '../util/duration.ts'
import { piDigits } from '../util/piDigits.ts'
import { memoryCrossing, memoryLimit, memoryProfile, type MemoryProfile } from '../metrics/usageModel.ts'
import { parseLoop, type LoopLogs } from './loopLogs.ts'

/** What a started container will do, decided from its image, command and sim annotations. */
export type ContainerPlan =
  | { kind: 'runs'; logs: string[]; files?: FileLifetime[]; loop?: LoopLogs }
  /** `reason` is the terminated state's reason when it is not the exit code's (`OOMKilled`). */
  | { kind: 'exits'; afterMs: number; exitCode: number; logs: string[]; files?: FileLifetime[]; reason?: string }

/** A file the script creates (`touch`, `echo > f`) and maybe removes (`rm`), in ms since start. */
export interface FileLifetime {
  path: string
  from: number
  until?: number
  /** What `echo … > f` wrote; empty for `touch`. */
  content?: string
  /** Its size when it is not its content: zeros from `dd`, `head -c` or `fallocate`. */
  bytes?: number
}

/** Does the container's filesystem hold `path` this long after it started? */
export function fileExists(plan: ContainerPlan | undefined, path: string, runningForMs: number): boolean {
  return (plan?.files ?? []).some((f) => f.path === path && f.from <= runningForMs && (f.until === undefined || runningForMs < f.until))
}

/** Annotations a lab can put on a pod to script behaviour real fields cannot express. */
export const SIM_ANNOTATION = {
  /** `30s`: every container of the pod crashes after running this long. */
  crashAfter: 'sim.kubesim.dev/crash-after',
  /** Exit code used with crash-after (default 1). */
  exitCode: 'sim.kubesim.dev/exit-code',
} as const

/** The kernel's OOM killer ends the container with SIGKILL: exit code 137. */
export const OOM_EXIT_CODE = 137

/**
 * What the container does, and whether its memory crosses its limit first: then the
 * OOM killer ends it (`OOMKilled`, 137) at the moment the usage model says it crosses.
 * Files it writes under `memoryBackedMounts` (tmpfs) count against that limit too.
 */
export function planContainer(
  container: Container,
  image: ImageSpec,
  annotations: Record<string, string> = {},
  env?: EnvironmentOf,
  memoryBackedMounts: string[] = [],
): ContainerPlan {
  const plan = planCommand(container, image, annotations, env)
  const limit = memoryLimit(container)
  if (limit === undefined) return plan
  const profile = { ...memoryProfile(container, image, annotations), tmpfs: tmpfsWrites(plan, memoryBackedMounts) }
  const oomAfterMs = memoryCrossing(profile, limit)
  if (oomAfterMs === undefined || (plan.kind === 'exits' && plan.afterMs <= oomAfterMs)) return plan
  return { kind: 'exits', afterMs: oomAfterMs, exitCode: OOM_EXIT_CODE, reason: 'OOMKilled', logs: plan.logs, files: plan.files }
}

/** Where the container mounts its pod's `medium: Memory` emptyDirs (tmpfs, charged to its memory). */
export function memoryBackedMounts(pod: Pod, spec: Container): string[] {
  const tmpfs = new Set((pod.spec.volumes ?? []).filter((v) => (v.emptyDir as { medium?: string } | undefined)?.medium === 'Memory').map((v) => v.name))
  const mounts = (spec.volumeMounts as { name?: string; mountPath?: string; readOnly?: boolean; subPath?: string }[] | undefined) ?? []
  return mounts.filter((m) => m && tmpfs.has(m.name ?? '') && !m.readOnly && !m.subPath && typeof m.mountPath === 'string').map((m) => m.mountPath!)
}

/** What the run writes under a `medium: Memory` emptyDir is tmpfs: charged to the writing container's cgroup. */
export function tmpfsWrites(plan: ContainerPlan | undefined, memoryBackedMounts: string[]): NonNullable<MemoryProfile['tmpfs']> {
  if (memoryBackedMounts.length === 0) return []
  const onTmpfs = (path: string) => memoryBackedMounts.some((m) => path.startsWith(m.replace(/\/$/, '') + '/'))
  return (plan?.files ?? []).filter((f) => onTmpfs(f.path)).map((f) => ({ atMs: f.from, untilMs: f.until, bytes: f.bytes ?? new TextEncoder().encode(f.content ?? '').length }))
}

/**
 * Reads the container's command line the way a student expects it to behave: `exit 1`
 * fails at once, `sleep 3600` stays up an hour, a web server serves, a bare shell image
 * exits 0 at once.
 */
function planCommand(container: Container, image: ImageSpec, annotations: Record<string, string>, env?: EnvironmentOf): ContainerPlan {
  const crashAfter = annotations[SIM_ANNOTATION.crashAfter]
  if (crashAfter) {
    const afterMs = parseDuration(crashAfter) ?? 0
    const exitCode = Number(annotations[SIM_ANNOTATION.exitCode] ?? '1') || 1
    return { kind: 'exits', afterMs, exitCode, logs: image.logs }
  }

  const words = [...(container.command ?? []), ...(container.args ?? [])]
  if (words.length === 0) {
    if (image.requiresEnv) {
      const env = new Set((container.env ?? []).filter((e) => e.value !== '' || e.valueFrom).map((e) => e.name))
      if (!image.requiresEnv.anyOf.some((name) => env.has(name))) {
        return { kind: 'exits', afterMs: 400, exitCode: 1, logs: image.requiresEnv.log }
      }
    }
    if (image.defaultBehaviour === 'serve') return { kind: 'runs', logs: image.logs }
    return { kind: 'exits', afterMs: 50, exitCode: 0, logs: image.logs }
  }
  const pi = /\bbpi\((\d+)\)/.exec(words.join(' '))
  if (pi && words[0] === 'perl') return planPi(Number(pi[1]))
  return planShellScript(words.join(' '), image, env)
}

/** The docs' Job: `perl -Mbignum=bpi -wle "print bpi(2000)"` prints π and exits; 2000 digits take Perl about five seconds. */
function planPi(digits: number): ContainerPlan {
  const n = Math.min(digits, 20_000)
  return { kind: 'exits', afterMs: Math.max(100, Math.round(5_000 * (n / 2000) ** 2)), exitCode: 0, logs: [piDigits(n)] }
}

/** The file one shell statement creates (`touch f`, `echo text > f`), with what it holds. */
export function fileWrittenBy(statement: string): { path: string; content: string } | undefined {
  const m = /^["']?touch\s+(\S+?)["']?$/.exec(statement) ?? />\s*(\/\S+?)["']?$/.exec(statement)
  if (!m) return undefined
  const echoed = /^["']?echo\s+(?:"([^"]*)"|'([^']*)'|([^>]*?))\s*>/.exec(statement)
  return { path: m[1], content: echoed ? (echoed[1] ?? echoed[2] ?? echoed[3] ?? '') + '\n' : '' }
}

/** Interprets the few shell idioms that decide a container's fate. */
function planShellScript(commandLine: string, image: ImageSpec, env?: EnvironmentOf): ContainerPlan {
  // `sh -c "…"` runs the script in its argument.
  const script = commandLine.replace(/^(\/bin\/)?(ba)?sh\s+-c\s+/, '')
  const echoed = (text: string) => echoedLines(text, env)
  const logs = echoed(script)
  if (/\bnginx\b.*daemon off|http\.server|\bhttpd\b/.test(script)) return { kind: 'runs', logs }
  let elapsedMs = 50
  const files: FileLifetime[] = []
  const endsForever = /\bwhile\s+(true|:)\b|\btail\s+(-n\s*\S+\s+)?-[fF]\b|\btail\s+-\S*[fF]|sleep\s+inf(inity)?\b/.test(script)
  // Statements run in order; the first `exit`/`false` ends the script.
  for (const statement of script.split(/;|&&|\|\||\n/).map((s) => s.trim())) {
    // `trap 'exit 0' TERM` only says what to do on a signal; it does not exit now.
    if (statement.startsWith('trap ')) continue
    let m: RegExpExecArray | null
    const zeros = zeroFill(statement)
    const written = zeros ? undefined : fileWrittenBy(statement)
    if (zeros) {
      files.push({ path: zeros.path, from: elapsedMs, content: '', bytes: zeros.bytes })
    } else if (written) {
      files.push({ ...written, from: elapsedMs })
    } else if ((m = /^["']?rm\s+(?:-\w+\s+)*(\S+?)["']?$/.exec(statement))) {
      for (const f of files) if (f.path === m[1] && f.until === undefined) f.until = elapsedMs
    } else if ((m = /^(?:sh\s+-c\s+)?["']?sleep\s+(\d+(?:\.\d+)?)([smhd]?)/.exec(statement))) {
      const unit = m[2] || 's'
      elapsedMs += parseDuration(`${m[1]}${unit}`) ?? 0
    } else if (endsForever) {
      continue
    } else if ((m = /(?:^|\s|["'])exit(?:\s+(\d+))?["']?$/.exec(statement))) {
      return { kind: 'exits', afterMs: elapsedMs, exitCode: Number(m[1] ?? 0) % 256, logs, files }
    } else if (/(?:^|\s|["'])false$/.test(statement)) {
      return { kind: 'exits', afterMs: elapsedMs, exitCode: 1, logs, files }
    }
  }
  if (endsForever) {
    // An echoing `while true` loop writes its lines again every round (read lazily, loopLogs.ts).
    const loop = parseLoop(script, echoed)
    if (loop) return { kind: 'runs', logs: echoed(script.slice(0, script.search(/\bwhile\b/))), files, loop }
    return { kind: 'runs', logs, files }
  }
  // A known shell image running a finite script ends with the script.
  if (image.defaultBehaviour !== 'serve' && /\b(sh|bash|echo|sleep|true|date|printenv|env|ls|cat|perl|python|node)\b/.test(commandLine)) {
    return { kind: 'exits', afterMs: elapsedMs, exitCode: 0, logs, files }
  }
  // Anything else (a server binary, an app entrypoint) is assumed to keep running.
  return { kind: 'runs', logs, files }
}

/** The container's environment by name, worked out only if its script prints some (`printenv A B`). */
export type EnvironmentOf = () => ReadonlyMap<string, string>

/** busybox echo -e: the backslash escapes a script uses. */
function echoEscapes(text: string): string {
  return text.replace(/\\([nt\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'))
}

/** The lines one `echo [-n|-e|-en] TEXT` prints: -e expands escapes, -n leaves off the final newline. */
function echoOutput(options: string, text: string): string[] {
  const out = (options.includes('e') ? echoEscapes(text) : text) + (options.includes('n') ? '' : '\n')
  const lines = out.split('\n')
  if (out.endsWith('\n')) lines.pop()
  return lines
}

/**
 * A file of zeros of a given size, as students fill a volume: `dd if=/dev/zero of=/cache/f
 * bs=1M count=100`, `head -c 100M /dev/zero > /cache/f`, `fallocate -l 100M /cache/f`.
 */
function zeroFill(statement: string): { path: string; bytes: number } | undefined {
  const words = statement.replace(/^["']|["']$/g, '').split(/\s+/)
  if (words[0] === 'dd') {
    const arg = (name: string) => words.find((w) => w.startsWith(`${name}=`))?.slice(name.length + 1)
    const path = arg('of')
    const bs = coreutilsSize(arg('bs') ?? '512')
    const count = Number(arg('count'))
    if (path && bs !== undefined && Number.isFinite(count)) return { path, bytes: bs * count }
  }
  let m: RegExpExecArray | null
  if ((m = /^head\s+-c\s*(\S+)\s+\/dev\/(?:zero|urandom)\s*>\s*(\S+)$/.exec(words.join(' ')))) {
    const bytes = coreutilsSize(m[1])
    if (bytes !== undefined) return { path: m[2], bytes }
  }
  if ((m = /^fallocate\s+-l\s*(\S+)\s+(\S+)$/.exec(words.join(' ')))) {
    const bytes = coreutilsSize(m[1])
    if (bytes !== undefined) return { path: m[2], bytes }
  }
  return undefined
}

/** Sizes as dd, head and fallocate read them: `1M` and `1MiB` are 2^20 bytes, `1MB` is 10^6, `1k`/`1K` 1024. */
function coreutilsSize(text: string): number | undefined {
  const m = /^(\d+)([kKmMgGtT]?)(iB|B)?$/.exec(text)
  if (!m) return undefined
  const power = ' kmgt'.indexOf(m[2].toLowerCase() || ' ')
  return Number(m[1]) * (m[3] === 'B' ? 1000 : 1024) ** power
}

function echoedLines(script: string, env?: EnvironmentOf): string[] {
  const out: string[] = []
  const re = /echo\s+(?:(-[neE]+)\s+)?(?:"([^"]*)"|'([^']*)'|([^;&|]+))|\bprintenv((?:[ \t]+[A-Za-z_][A-Za-z0-9_]*)+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(script))) {
    if (m[5] !== undefined) {
      // printenv NAME…: each value that is set, one per line.
      if (!env) continue
      const values = env()
      for (const name of m[5].trim().split(/\s+/)) if (values.has(name)) out.push(values.get(name)!)
      continue
    }
    // `echo x > file` writes the file, not the log.
    if (/^\s*>/.test(script.slice(m.index + m[0].length)) || (m[4] ?? '').includes('>')) continue
    const text = m[2] ?? m[3] ?? m[4] ?? ''
    if (m[1]) out.push(...echoOutput(m[1], m[4] === undefined ? text : text.trim()))
    else out.push(text.trim())
  }
  return out
}
