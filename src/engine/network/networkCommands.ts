import type { Pod } from '../api/types.ts'
import { digShort, nslookup, resolvConf } from './dns.ts'
import { CONNECT_TIMEOUT_MS, dnsReachable, request, requestMany, type RequestOptions, type Simulated, type TrafficResult, type TrafficSource } from './traffic.ts'

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
  /** How long the commands took in simulated ms (connect timeouts, resolver retries). */
  elapsedMs: number
}

/** Output in the order written, each piece tagged with its stream, so redirections can drop one. */
interface Chunk {
  fd: 1 | 2
  text: string
}
interface Ran {
  chunks: Chunk[]
  exitCode: number
  elapsedMs?: number
}
const ran = (exitCode: number, ...chunks: Chunk[]): Ran => ({ chunks: chunks.filter((c) => c.text !== ''), exitCode })
/** A request on the cluster network answers in about a millisecond. */
const REQUEST_MS = 2
/** musl's resolver: 5 s per attempt, 2 attempts, before it gives up on a silent nameserver. */
const RESOLVER_TIMEOUT_MS = 10_000
/** How long a request took, by how it ended. */
function took(result: TrafficResult, limitMs: number | undefined): number {
  if (result.outcome === 'dns-timeout') return Math.min(RESOLVER_TIMEOUT_MS, limitMs ?? Infinity)
  if (result.outcome === 'timeout') return Math.min(CONNECT_TIMEOUT_MS, limitMs ?? Infinity)
  return REQUEST_MS
}
const timed = (r: Ran, ms: number): Ran => ({ ...r, elapsedMs: ms })
const out = (text: string): Chunk => ({ fd: 1, text })
const err = (text: string): Chunk => ({ fd: 2, text })

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
    if (!/^-[a-zA-Z]./.test(w) || w.startsWith('--')) {
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

interface CurlArgs {
  silent: boolean
  showErrors: boolean
  fail: boolean
  discard: boolean
  writeOut?: string
  maxTimeMs?: number
  url?: string
  options: RequestOptions
}

function curlArgs(argv: string[]): CurlArgs {
  const words = expandShort(argv.slice(1), 'mowHXd')
  const a: CurlArgs = { silent: false, showErrors: false, fail: false, discard: false, options: {} }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if (w === '-s' || w === '--silent') a.silent = true
    else if (w === '-S' || w === '--show-error') a.showErrors = true
    else if (w === '-f' || w === '--fail') a.fail = true
    else if (w === '-o' || w === '--output') a.discard = words[++i] === '/dev/null'
    else if (w === '-w' || w === '--write-out') a.writeOut = words[++i]
    else if (w === '-m' || w === '--max-time' || w === '--connect-timeout') a.maxTimeMs = Number(words[++i]) * 1000
    else if (w === '-H' || w === '--header') {
      const header = /^\s*host\s*:\s*(\S+)\s*$/i.exec(words[++i] ?? '')
      if (header) a.options.hostHeader = header[1]
    } else if (w === '--resolve') {
      const pin = /^([^:]+):(\d+):(\S+)$/.exec(words[++i] ?? '')
      if (pin) a.options.resolve = { ...a.options.resolve, [`${pin[1].toLowerCase()}:${pin[2]}`]: pin[3] }
    } else if (w === '-X' || w === '--request' || w === '-d' || w === '--data') i++
    else if (!w.startsWith('-')) a.url ??= w
  }
  return a
}

function curl(sim: Simulated, from: TrafficSource, argv: string[]): Ran {
  const { silent, showErrors, fail, discard, writeOut, maxTimeMs, url, options } = curlArgs(argv)
  if (!url) return ran(2, err("curl: try 'curl --help' or 'curl --manual' for more information\n"))
  const result = request(sim, from, url, CURL_AGENT, options)
  const ms = took(result, maxTimeMs)
  const failed = (code: number, message: string): Ran => timed(ran(code, out(writeOut ? writeOutText(writeOut, result) : ''), err(!silent || showErrors ? `curl: (${code}) ${message}\n` : '')), ms)
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
  return timed(ran(0, out(discard ? '' : result.body), out(writeOut ? writeOutText(writeOut, result) : '')), ms)
}

/** curl -w: `%{http_code}` and friends, and `\n`. */
function writeOutText(format: string, result: TrafficResult): string {
  return format
    .replace(/%\{http_code\}|%\{response_code\}/g, String(result.status ?? 0).padStart(3, '0'))
    .replace(/%\{remote_ip\}/g, result.ip ?? '')
    .replace(/\\n/g, '\n')
}

/** busybox wget: `-qO-`, `-O -`, `-T SEC`, `--spider`. */
interface WgetArgs {
  quiet: boolean
  output?: string
  spider: boolean
  timeoutMs?: number
  url?: string
}

function wgetArgs(argv: string[]): WgetArgs {
  const words = expandShort(argv.slice(1), 'OTUY')
  const a: WgetArgs = { quiet: false, spider: false }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if (w === '-q' || w === '--quiet') a.quiet = true
    else if (w === '-O') a.output = words[++i]
    else if (w.startsWith('--output-document=')) a.output = w.split('=')[1]
    else if (w === '--spider') a.spider = true
    else if (w === '-T') a.timeoutMs = Number(words[++i]) * 1000
    else if (w.startsWith('--timeout=')) a.timeoutMs = Number(w.split('=')[1]) * 1000
    else if (w === '-U') i++
    else if (!w.startsWith('-')) a.url ??= w
  }
  return a
}

function wget(sim: Simulated, from: TrafficSource, argv: string[]): Ran {
  const { quiet, output, spider, timeoutMs, url } = wgetArgs(argv)
  if (!url) return ran(1, err('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n'))
  const result = request(sim, from, url, WGET_AGENT)
  const ms = took(result, timeoutMs)
  const done = (r: Ran): Ran => timed(r, ms)
  const fail = (message: string, prefix = ''): Ran => done(ran(1, err(`${prefix}wget: ${message}\n`)))
  if (result.outcome === 'nxdomain' || result.outcome === 'dns-timeout') return fail(`bad address '${result.host}'`)
  const connecting = quiet ? '' : `Connecting to ${result.host}${result.port === 80 ? '' : `:${result.port}`} (${result.ip}:${result.port})\n`
  if (result.outcome === 'refused') return fail(`can't connect to remote host (${result.ip}): Connection refused`, connecting)
  if (result.outcome === 'timeout') {
    if (timeoutMs !== undefined && timeoutMs < CONNECT_TIMEOUT_MS) return fail('download timed out', connecting)
    return fail(`can't connect to remote host (${result.ip}): Connection timed out`, connecting)
  }
  if ((result.status ?? 0) >= 400) return fail(`server returned error: HTTP/1.1 ${result.status} ${result.reason}`, connecting)
  if (spider) return done(ran(0, err(connecting + (quiet ? '' : 'remote file exists\n'))))
  const toStdout = output === '-'
  const file = output ?? (result.path.split('?')[0].split('/').pop() || 'index.html')
  if (quiet) return done(ran(0, out(toStdout ? result.body : '')))
  const size = new TextEncoder().encode(result.body).length
  const bar = `${(toStdout ? '-' : file).padEnd(20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`
  if (toStdout) return done(ran(0, err(`${connecting}writing to stdout\n`), out(result.body), err(`${bar}written to stdout\n`)))
  return done(ran(0, err(`${connecting}saving to '${file}'\n${bar}'${file}' saved\n`)))
}

function nslookupCommand(sim: Simulated, pod: Pod, argv: string[]): Ran {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'))
  if (args.length === 0) return ran(1, err('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,any,srv,ptr\n'))
  // A NetworkPolicy that drops the query reads as a nameserver that never answers.
  if (!args[1] && !dnsReachable(sim, pod)) return timed(ran(1, out(';; connection timed out; no servers could be reached\n\n')), RESOLVER_TIMEOUT_MS)
  const output = nslookup(sim.ctx.store, pod, args[0], args[1])
  // A nameserver that never answers (CoreDNS scaled to zero) costs the resolver's timeouts.
  if (output.startsWith(';;')) return timed(ran(1, out(output)), RESOLVER_TIMEOUT_MS)
  return ran(output.includes("server can't find") ? 1 : 0, out(output))
}

function digCommand(sim: Simulated, pod: Pod, argv: string[]): Ran | undefined {
  const args = argv.slice(1)
  // Only the short form: full dig output is not modelled.
  if (!args.includes('+short')) return undefined
  const name = args.find((a) => !a.startsWith('+') && !a.startsWith('@') && !a.startsWith('-') && !/^(A|IN)$/i.test(a))
  if (!name) return ran(0)
  if (!dnsReachable(sim, pod)) return timed(ran(9, out(';; connection timed out; no servers could be reached\n')), 15_000)
  const output = digShort(sim.ctx.store, pod, name)
  if (output.startsWith(';;')) return timed(ran(9, out(output)), 15_000)
  return ran(0, out(output))
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
    case 'sleep': {
      // Time passes (it sets a load generator's pace), but exec does not wait for it.
      const m = /^(\d+(?:\.\d+)?)([smh]?)$/.exec(argv[1] ?? '')
      return timed(ran(0), m ? Number(m[1]) * ({ s: 1000, m: 60_000, h: 3_600_000 }[m[2] || 's'] ?? 1000) : 0)
    }
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
    let elapsedMs = 0
    for (let i = 0; i < times; i++) {
      const r = script(sim, pod, loop[3])
      if (!r) return undefined
      output += r.output
      exitCode = r.exitCode
      elapsedMs += r.elapsedMs
    }
    return { output, exitCode, elapsedMs }
  }
  let output = ''
  let exitCode = 0
  let elapsedMs = 0
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
    elapsedMs += r.elapsedMs ?? 0
  }
  return { output, exitCode, elapsedMs }
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
  return r && { output: r.chunks.map((c) => c.text).join(''), exitCode: r.exitCode, elapsedMs: r.elapsedMs ?? 0 }
}

/**
 * Counts `times` more runs of a script's requests without answering them one by one:
 * each curl or wget of it is sent as one bulk request (traffic's requestMany). For a
 * load generator, after it ran the script once for real.
 */
export function countScriptRequests(sim: Simulated, pod: Pod, text: string, times: number): void {
  if (times <= 0) return
  for (const part of text.split(/\s*(?:;|&&|\|\|)\s*/)) {
    const { argv } = redirections(shellWords(part))
    const program = (argv[0] ?? '').split('/').pop()
    if (program === 'curl') {
      const a = curlArgs(argv)
      if (a.url) requestMany(sim, pod, a.url, times, CURL_AGENT, a.options)
    } else if (program === 'wget') {
      const a = wgetArgs(argv)
      if (a.url) requestMany(sim, pod, a.url, times, WGET_AGENT)
    }
  }
}
