import type { Pod } from '../../api/types.ts'
import { boolFlag, flag, flagList } from '../args.ts'
import { KubectlError } from '../resolve.ts'
import { runKubectl } from '../runKubectl.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { dryRunStrategy, objectMeta, OBJECT_OUTPUT_FLAGS, outputFormat, printObject, submitObject } from './objectOutput.ts'

const USAGE_HINT = "\nSee 'kubectl run -h' for help and examples"
/** How long an attached run waits for its container, in simulated time (kubectl's --pod-running-timeout is 1m, then it streams). */
const ATTACH_LIMIT_MS = 10 * 60_000
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

function usageError(message: string): never {
  throw new KubectlError(`error: ${message}${USAGE_HINT}`)
}

/** `a=b,c=d` as run.go's parseLabels reads it. */
function parseLabels(text: string): Record<string, string> | undefined {
  if (!text) return undefined
  const labels: Record<string, string> = {}
  for (const spec of text.split(',')) {
    const parts = spec.split('=')
    if (parts.length !== 2) throw new KubectlError(`error: unexpected label spec: ${spec}`)
    if (!parts[0]) throw new KubectlError('error: unexpected empty label key')
    labels[parts[0]] = parts[1]
  }
  return labels
}

function parseEnvs(items: string[]): { name: string; value: string }[] {
  return items.map((env) => {
    const eq = env.indexOf('=')
    if (eq <= 0 || !ENV_NAME.test(env.slice(0, eq))) throw new KubectlError(`error: invalid env: ${env}`)
    return { name: env.slice(0, eq), value: env.slice(eq + 1) }
  })
}

/** `kubectl run NAME --image=IMAGE [--env=…] [--port=…] [--expose] [--rm -i -t] [--restart=…] [--command] -- [COMMAND] [args…]` (run.go, kubectl v1.35). */
export const runCommand: KubectlCommand = {
  name: 'run',
  flags: [
    { name: 'image', takesValue: true },
    { name: 'restart', takesValue: true },
    { name: 'port', takesValue: true },
    { name: 'env', takesValue: true, repeatable: true },
    { name: 'labels', short: 'l', takesValue: true },
    { name: 'annotations', takesValue: true, repeatable: true },
    { name: 'command', takesValue: false },
    { name: 'image-pull-policy', takesValue: true },
    { name: 'expose', takesValue: false },
    { name: 'rm', takesValue: false },
    { name: 'stdin', short: 'i', takesValue: false },
    { name: 'tty', short: 't', takesValue: false },
    { name: 'attach', takesValue: false },
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'privileged', takesValue: false },
    { name: 'overrides', takesValue: true },
    { name: 'pod-running-timeout', takesValue: true },
    ...OBJECT_OUTPUT_FLAGS,
  ],
  run(ctx) {
    const { args } = ctx
    const image = flag(args, 'image')
    if (image === undefined) throw new KubectlError('error: required flag(s) "image" not set')
    const annotations = parsePairs(flagList(args, 'annotations'))
    const labels = parseLabels(flag(args, 'labels') ?? '')
    const env = parseEnvs(flagList(args, 'env'))
    const dryRun = dryRunStrategy(args)
    const format = outputFormat(args)
    const name = args.positional[0]
    if (!name) usageError('NAME is required for run')
    if (image === '') throw new KubectlError('error: --image is required')
    const interactive = boolFlag(args, 'stdin')
    const tty = boolFlag(args, 'tty')
    const attach = args.flags.has('attach') ? boolFlag(args, 'attach') : interactive
    if (tty && !interactive) usageError('-i/--stdin is required for containers with -t/--tty=true')
    const port = flag(args, 'port') ?? ''
    const expose = boolFlag(args, 'expose')
    if (expose && !port) usageError('--port must be set when exposing a service')
    const restart = flag(args, 'restart') || (interactive ? 'OnFailure' : 'Always')
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) usageError(`invalid restart policy: ${restart}`)
    if (!attach && boolFlag(args, 'rm')) usageError('--rm should only be used for attached containers')
    if (attach && dryRun !== 'none') usageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
    const pullPolicy = flag(args, 'image-pull-policy') ?? ''
    if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) usageError(`invalid image pull policy: ${pullPolicy}`)
    if (port && !/^[+-]?\d+$/.test(port)) throw new KubectlError(`error: strconv.Atoi: parsing "${port}": invalid syntax`)
    if (flag(args, 'overrides') && !/^\s*\{\s*\}\s*$/.test(flag(args, 'overrides')!)) throw new KubectlError('error: kubesim does not support --overrides yet')

    const words = [...args.positional.slice(1), ...args.afterDash]
    const namespace = args.flags.has('namespace') ? ctx.namespace : undefined
    const podLabels = labels ?? { run: name }
    const container = {
      name,
      image,
      ...(words.length ? { [boolFlag(args, 'command') ? 'command' : 'args']: words } : {}),
      ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
      ...(env.length ? { env } : {}),
      resources: {},
      ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
      ...(boolFlag(args, 'privileged') ? { securityContext: { privileged: true } } : {}),
      ...(interactive ? { stdin: true, stdinOnce: true } : {}),
      ...(tty ? { tty: true } : {}),
    }
    const pod = {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: objectMeta({ name, namespace, labels: podLabels, annotations }),
      spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
      status: {},
    }
    let out = ''
    const created = submitObject(ctx, pod, dryRun)
    if (expose) {
      // run.go's generateService prints the Service as soon as it is made, then a separator.
      const service = {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: objectMeta({ name, namespace, labels }),
        spec: { ports: [{ protocol: 'TCP', port: Number(port), targetPort: Number(port) }], selector: podLabels },
        status: { loadBalancer: {} },
      }
      out += printObject(submitObject(ctx, service, dryRun), format, dryRun)
      if (format.kind === 'yaml') out += '---\n'
    }
    if (attach) return out + attachTo(ctx, name, restart, boolFlag(args, 'rm'))
    if (expose && format.kind === 'yaml') out += '---\n'
    return out + printObject(created, format, dryRun)
  },
}

function parsePairs(items: string[]): Record<string, string> | undefined {
  if (items.length === 0) return undefined
  const out: Record<string, string> = {}
  for (const item of items) {
    const eq = item.indexOf('=')
    if (eq <= 0) throw new KubectlError(`error: invalid annotation spec: ${item}`)
    out[item.slice(0, eq)] = item.slice(eq + 1)
  }
  return out
}

/**
 * An attached run: the container's output, as kubectl streams it; in a script, time
 * passes until the container is done. With --rm the pod is deleted afterwards, with
 * kubectl delete's message.
 */
function attachTo(ctx: CommandContext, name: string, restart: string, remove: boolean): string {
  const ns = ctx.namespace
  const done = (p: Pod | undefined) => {
    if (!p) return true
    if (restart === 'Always') return false
    if (restart === 'OnFailure') return p.status.phase === 'Succeeded' || p.status.phase === 'Failed'
    return p.status.phase === 'Succeeded' || p.status.phase === 'Failed'
  }
  const get = () => ctx.sim.store.get<Pod>('Pod', ns, name)
  if (ctx.io.waitAdvancesTime) {
    const deadline = ctx.sim.now + ATTACH_LIMIT_MS
    while (!done(get()) && ctx.sim.now < deadline) ctx.sim.advance(100)
  }
  const pod = get()
  let out = ''
  if (pod) {
    const kubelet = pod.spec.nodeName ? ctx.sim.kubelets.get(pod.spec.nodeName) : undefined
    out += (kubelet?.logs(pod.metadata.uid, name, false)?.lines ?? []).map((l) => l + '\n').join('')
  }
  const finished = pod && (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed')
  if (remove) out += runKubectl(ctx.sim, ['delete', 'pod', name, '--namespace', ns, '--wait=false'], ctx.io)
  if (pod && finished && pod.status.phase === 'Failed') {
    const terminated = pod.status.containerStatuses?.[0]?.state.terminated
    // A non-zero exit code becomes kubectl's own exit status, printed by nobody.
    if (!terminated || terminated.exitCode === 0) out += `error: pod ${ns}/${name} failed with unknown exit code\n`
  }
  return out
}
