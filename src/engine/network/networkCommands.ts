import type { Pod } from '../api/types.ts'
import { digShort, nslookup, resolvConf } from './dns.ts'
import { CONNECT_TIMEOUT_MS, request, type TrafficResult, type TrafficSource } from './traffic.ts'
import type { EngineContext } from '../context.ts'

/**
 * The network commands students run inside pods — curl, wget, nslookup, dig +short,
 * cat /etc/resolv.conf — and the shell loops around them, answered from the simulated
 * cluster. For `kubectl exec` and `kubectl run … -- CMD` to call; undefined when the
 * command is not one of these.
 */
export interface CommandOutput {
  /** stdout and stderr, interleaved as a terminal shows them. */
  output: string
  exitCode: number
}

/** Output in the order written, each piece tagged with its stream, so redirections can drop one. */
interface Chunk {
  fd: 1 | 2
  text: string
}
interface Ran {
  chunks: Chunk[]
  exitCode: number
}
const ran = (exitCode: number, ...chunks: Chunk[]): Ran => ({ chunks: chunks.filter((c) => c.text !== ''), exitCode })
const out = (text: string): Chunk => ({ fd: 1, text })
const err = (text: string): Chunk => ({ fd: 2, text })

interface Simulated {
  ctx: EngineContext
  kubelets?: Map<string, { online: boolean }>
}

const CURL_AGENT = 'curl/8.11.1'
const WGET_AGENT = 'Wget'

/** Splits a shell word list the simple way: quotes grouped, no expansions. */
export function shellWords(line: string): string[] {
  const words: string[] = []
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(line))) words.push(m[1] ?? m[2] ?? m[3])
  return words
}

/** Short flags may be bundled (`-sSf`); a flag taking a value may carry it (`-m2`, `-qO-`). */
function expandShort(words: string[], withValue: string): string[] {
  const out: string[] = []
  for (const w of words) {
    if (!/^-[a-zA-Z]{2,}/.test(w) || w.startsWith('--')) {
      out.push(w)
      continue
    }
    for (let i = 1; i < w.length; i++) {
      const f = w[i]
      if (withValue.includes(f)) {
        out.push(`-${f}`)
        if (i + 1 < w.length) out.push(w.slice(i + 1))
        break
      }
      out.push(`-${f}`)
    }
  }
  return out
}

function curl(sim: Simulated, from: TrafficSource, argv: string[]): Ran {
  const words = expandShort(argv.slice(1), 'mowHXd')
  let silent = false
  let showErrors = false
  let fail = false
  let discard = false
  let writeOut: string | undefined
  let maxTimeMs: number | undefined
  let url: string | undefined
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if (w === '-s' || w === '--silent') silent = true
    else if (w === '-S' || w === '--show-error') showErrors = true
    else if (w === '-f' || w === '--fail') fail = true
    else if (w === '-o' || w === '--output') discard = words[++i] === '/dev/null'
    else if (w === '-w' || w === '--write-out') writeOut = words[++i]
    else if (w === '-m' || w === '--max-time' || w === '--connect-timeout') maxTimeMs = Number(words[++i]) * 1000
    else if (w === '-H' || w === '--header' || w === '-X' || w === '--request' || w === '-d' || w === '--data') i++
    else if (!w.startsWith('-')) url ??= w
  }
  if (!url) return ran(2, err("curl: try 'curl --help' or 'curl --manual' for more information\n"))
  const result = request(sim, from, url, CURL_AGENT)
  const failed = (code: number, message: string): Ran => ran(code, out(writeOut ? writeOutText(writeOut, result) : ''), err(!silent || showErrors ? `curl: (${code}) ${message}\n` : ''))
  switch (result.outcome) {
    case 'nxdomain':
    case 'dns-timeout':
      return failed(6, `Could not resolve host: ${result.host}`)
    case 'refused':
      return failed(7, `Failed to connect to ${result.host} port ${result.port} after 1 ms: Couldn't connect to server`)
    case 'timeout':
      if (maxTimeMs !== undefined && maxTimeMs < CONNECT_TIMEOUT_MS) return failed(28, `Connection timed out after ${maxTimeMs + 1} milliseconds`)
      return failed(7, `Failed to connect to ${result.host} port ${result.port} after ${CONNECT_TIMEOUT_MS} ms: Couldn't connect to server`)
  }
  if (fail && (result.status ?? 0) >= 400) return failed(22, `The requested URL returned error: ${result.status}`)
  return ran(0, out(discard ? '' : result.body), out(writeOut ? writeOutText(writeOut, result) : ''))
}

/** curl -w: `%{http_code}` and friends, and `\n`. */
function writeOutText(format: string, result: TrafficResult): string {
  return format
    .replace(/%\{http_code\}|%\{response_code\}/g, String(result.status ?? 0).padStart(3, '0'))
    .replace(/%\{remote_ip\}/g, result.ip ?? '')
    .replace(/\\n/g, '\n')
}

/** busybox wget: `-qO-`, `-O -`, `-T SEC`, `--spider`. */
function wget(sim: Simulated, from: TrafficSource, argv: string[]): Ran {
  const words = expandShort(argv.slice(1), 'OTUY')
  let quiet = false
  let output: string | undefined
  let spider = false
  let timeoutMs: number | undefined
  let url: string | undefined
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if (w === '-q' || w === '--quiet') quiet = true
    else if (w === '-O') output = words[++i]
    else if (w.startsWith('--output-document=')) output = w.split('=')[1]
    else if (w === '--spider') spider = true
    else if (w === '-T') timeoutMs = Number(words[++i]) * 1000
    else if (w.startsWith('--timeout=')) timeoutMs = Number(w.split('=')[1]) * 1000
    else if (w === '-U') i++
    else if (!w.startsWith('-')) url ??= w
  }
  if (!url) return ran(1, err('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n'))
  const result = request(sim, from, url, WGET_AGENT)
  const fail = (message: string, prefix = ''): Ran => ran(1, err(`${prefix}wget: ${message}\n`))
  if (result.outcome === 'nxdomain' || result.outcome === 'dns-timeout') return fail(`bad address '${result.host}'`)
  const connecting = quiet ? '' : `Connecting to ${result.host}${result.port === 80 ? '' : `:${result.port}`} (${result.ip}:${result.port})\n`
  if (result.outcome === 'refused') return fail(`can't connect to remote host (${result.ip}): Connection refused`, connecting)
  if (result.outcome === 'timeout') {
    if (timeoutMs !== undefined && timeoutMs < CONNECT_TIMEOUT_MS) return fail('download timed out', connecting)
    return fail(`can't connect to remote host (${result.ip}): Connection timed out`, connecting)
  }
  if ((result.status ?? 0) >= 400) return fail(`server returned error: HTTP/1.1 ${result.status} ${result.reason}`, connecting)
  if (spider) return ran(0, err(connecting + (quiet ? '' : 'remote file exists\n')))
  const toStdout = output === '-'
  const file = output ?? (result.path.split('?')[0].split('/').pop() || 'index.html')
  if (quiet) return ran(0, out(toStdout ? result.body : ''))
  const size = new TextEncoder().encode(result.body).length
  const bar = `${(toStdout ? '-' : file).padEnd(20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`
  if (toStdout) return ran(0, err(`${connecting}writing to stdout\n`), out(result.body), err(`${bar}written to stdout\n`))
  return ran(0, err(`${connecting}saving to '${file}'\n${bar}'${file}' saved\n`))
}

function nslookupCommand(sim: Simulated, pod: Pod, argv: string[]): Ran {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'))
  if (args.length === 0) return ran(1, err('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,any,srv,ptr\n'))
  const output = nslookup(sim.ctx.store, pod, args[0], args[1])
  return ran(output.includes("server can't find") || output.startsWith(';;') ? 1 : 0, out(output))
}

function digCommand(sim: Simulated, pod: Pod, argv: string[]): Ran | undefined {
  const args = argv.slice(1)
  // Only the short form: full dig output is not modelled.
  if (!args.includes('+short')) return undefined
  const name = args.find((a) => !a.startsWith('+') && !a.startsWith('@') && !a.startsWith('-') && !/^(A|IN)$/i.test(a))
  if (!name) return ran(0)
  const output = digShort(sim.ctx.store, pod, name)
  return ran(output.startsWith(';;') ? 9 : 0, out(output))
}

/** One simple command (no shell syntax). */
function simpleCommand(sim: Simulated, pod: Pod, argv: string[]): Ran | undefined {
  const program = (argv[0] ?? '').split('/').pop()
  switch (program) {
    case 'curl':
      return curl(sim, pod, argv)
    case 'wget':
      return wget(sim, pod, argv)
    case 'nslookup':
      return nslookupCommand(sim, pod, argv)
    case 'dig':
      return digCommand(sim, pod, argv)
    case 'cat':
      return argv.length === 2 && argv[1] === '/etc/resolv.conf' ? ran(0, out(resolvConf(pod))) : undefined
    case 'echo':
      return ran(0, out(`${argv.slice(1).join(' ')}\n`))
    case 'sleep':
    case 'true':
      return ran(0)
  }
  return undefined
}

const LOOP = /^for\s+(\w+)\s+in\s+(.+?)\s*;\s*do\s+(.+?)\s*;?\s*done\s*$/s

/** `$(seq 1 5)`, `` `seq 5` `` or a literal word list: how many times the loop runs. */
function loopCount(list: string): number | undefined {
  const seq = /^(?:\$\(|`)\s*seq\s+(\d+)(?:\s+(\d+))?\s*(?:\)|`)$/.exec(list.trim())
  if (seq) {
    const [from, to] = seq[2] === undefined ? [1, Number(seq[1])] : [Number(seq[1]), Number(seq[2])]
    return Math.max(0, Math.min(to - from + 1, 10_000))
  }
  if (/[$`]/.test(list)) return undefined
  return shellWords(list).length
}

/** `>/dev/null`, `2>/dev/null`, `&>/dev/null`, `2>&1` (the last changes nothing here: both go to the terminal). */
function redirections(words: string[]): { argv: string[]; dropStdout: boolean; dropStderr: boolean } {
  const argv: string[] = []
  let dropStdout = false
  let dropStderr = false
  for (let i = 0; i < words.length; i++) {
    const m = /^(\d|&)?>(>)?(.*)$/.exec(words[i])
    if (!m) {
      argv.push(words[i])
      continue
    }
    const target = m[3] || words[++i] || ''
    if (target === '&1' || target === '&2') continue
    const null_ = target === '/dev/null'
    if (m[1] === '2') dropStderr ||= null_
    else if (m[1] === '&') {
      dropStdout ||= null_
      dropStderr ||= null_
    } else dropStdout ||= null_
  }
  return { argv, dropStdout, dropStderr }
}

/** A script: commands separated by `;` or `&&`, or one `for … in …; do …; done` loop. */
function script(sim: Simulated, pod: Pod, text: string): CommandOutput | undefined {
  const loop = LOOP.exec(text.trim())
  if (loop) {
    const times = loopCount(loop[2])
    if (times === undefined) return undefined
    let output = ''
    let exitCode = 0
    for (let i = 0; i < times; i++) {
      const r = script(sim, pod, loop[3])
      if (!r) return undefined
      output += r.output
      exitCode = r.exitCode
    }
    return { output, exitCode }
  }
  let output = ''
  let exitCode = 0
  for (const part of text.split(/\s*(;|&&)\s*/)) {
    if (part === ';' || part === '') continue
    if (part === '&&') {
      if (exitCode !== 0) break
      continue
    }
    const { argv, dropStdout, dropStderr } = redirections(shellWords(part))
    const r = simpleCommand(sim, pod, argv)
    if (!r) return undefined
    output += r.chunks
      .filter((c) => (c.fd === 1 ? !dropStdout : !dropStderr))
      .map((c) => c.text)
      .join('')
    exitCode = r.exitCode
  }
  return { output, exitCode }
}

/**
 * Answers a command run in a pod: `curl …`, `wget -qO- …`, `nslookup NAME`, `dig +short
 * NAME`, `cat /etc/resolv.conf`, or `sh -c '<those, or a for loop of them>'`.
 * Undefined when it is something else, for the caller to handle.
 */
export function runNetworkCommand(sim: Simulated, pod: Pod, argv: string[]): CommandOutput | undefined {
  const shell = /(^|\/)(ba)?sh$/.test(argv[0] ?? '')
  if (shell && argv[1] === '-c' && argv.length === 3) return script(sim, pod, argv[2])
  if (argv.length === 1 && /\s/.test(argv[0])) return script(sim, pod, argv[0])
  const r = simpleCommand(sim, pod, argv)
  return r && { output: r.chunks.map((c) => c.text).join(''), exitCode: r.exitCode }
}
