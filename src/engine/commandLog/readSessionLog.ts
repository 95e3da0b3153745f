import { DEFAULT_CLUSTER, type ClusterSpec } from '../clusterSpec.ts'
import type { LoggedCommand } from './sessionCommand.ts'
import { SESSION_FORMAT, SESSION_VERSION, type SessionLab, type SessionLog } from './sessionFormat.ts'

export type ReadResult = { ok: true; log: SessionLog } | { ok: false; problem: 'corrupt' | 'version'; message: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0
const isString = (v: unknown): v is string => typeof v === 'string'

function validCommand(c: unknown): c is LoggedCommand {
  if (!isObject(c) || !isTime(c.at)) return false
  switch (c.type) {
    case 'apply':
      return isString(c.yaml) && isString(c.source)
    case 'kubectl':
      return (
        isString(c.args) &&
        (c.files === undefined || (Array.isArray(c.files) && c.files.every((f) => isObject(f) && isString(f.name) && isString(f.text)))) &&
        (c.stdin === undefined || isString(c.stdin)) &&
        (c.scripted === undefined || c.scripted === true)
      )
    case 'fault':
      return (c.action === 'node-down' || c.action === 'node-up') && isString(c.node)
    case 'node-add':
      return isString(c.node) && isString(c.cpu) && isString(c.memory) && typeof c.maxPods === 'number'
    case 'node-remove':
      return isString(c.node)
    case 'machine':
      return isString(c.line)
    case 'edit':
      return isString(c.args) && isString(c.text)
    case 'scheduler-profile':
      return isObject(c.profile) && isObject(c.profile.scoringStrategy) && isObject(c.profile.weights) && Array.isArray(c.profile.disabled)
    case 'step':
      return isTime(c.ms)
    default:
      return false
  }
}

function validLab(l: unknown): l is SessionLab {
  return isObject(l) && isString(l.source) && (l.origin === undefined || isString(l.origin)) && (l.passed === undefined || (Array.isArray(l.passed) && l.passed.every(isTime))) && (l.left === undefined || l.left === true)
}

function validCluster(c: unknown): c is ClusterSpec {
  if (!isObject(c)) return false
  return (Object.keys(DEFAULT_CLUSTER) as (keyof ClusterSpec)[]).every((k) => c[k] === undefined || typeof c[k] === typeof DEFAULT_CLUSTER[k])
}

/**
 * Checks data that claims to be a session log (stored, imported or from a share link)
 * before anything replays it: a wrong shape or another format version is a message for
 * the person, never an exception.
 */
export function readSessionLog(data: unknown): ReadResult {
  if (!isObject(data) || data.format !== SESSION_FORMAT) return { ok: false, problem: 'corrupt', message: 'it is not a kubesim session' }
  if (data.version !== SESSION_VERSION) {
    return { ok: false, problem: 'version', message: `it was saved in session format ${String(data.version)}, and this kubesim reads format ${SESSION_VERSION}` }
  }
  if (typeof data.seed !== 'number' || !Number.isFinite(data.seed)) return { ok: false, problem: 'corrupt', message: 'its seed is missing' }
  if (!validCluster(data.cluster)) return { ok: false, problem: 'corrupt', message: 'its cluster description is damaged' }
  if (!isTime(data.time)) return { ok: false, problem: 'corrupt', message: 'its time is missing' }
  if (!Array.isArray(data.commands)) return { ok: false, problem: 'corrupt', message: 'its command list is missing' }
  if (data.lab !== undefined && !validLab(data.lab)) return { ok: false, problem: 'corrupt', message: 'its lab is damaged' }
  let last = 0
  for (const [i, c] of data.commands.entries()) {
    if (!validCommand(c)) return { ok: false, problem: 'corrupt', message: `command ${i + 1} is damaged` }
    if (c.at < last || c.at > data.time) return { ok: false, problem: 'corrupt', message: `command ${i + 1} is out of time order` }
    last = c.at
  }
  // A session saved before metrics-server was installed by default replays without it, as it ran.
  const saved = { metricsServer: false, ...(data.cluster as Partial<ClusterSpec>) }
  return {
    ok: true,
    log: { format: SESSION_FORMAT, version: SESSION_VERSION, seed: data.seed, cluster: { ...DEFAULT_CLUSTER, ...saved }, commands: data.commands as LoggedCommand[], time: data.time, ...(data.lab ? { lab: data.lab } : {}) },
  }
}

/** Parses JSON text first: text that is not JSON is corrupt. */
export function readSessionLogText(text: string): ReadResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'corrupt', message: 'it is not valid JSON' }
  }
  return readSessionLog(data)
}
