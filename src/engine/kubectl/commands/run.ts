import { applyManifest, describeApplyResult } from '../../api/apply.ts'
import { boolFlag, flag, flagList } from '../args.ts'
import { KubectlError } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'

function keyValues(items: string[], what: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const item of items.flatMap((i) => i.split(','))) {
    const eq = item.indexOf('=')
    if (eq <= 0) throw new KubectlError(`error: invalid ${what}: ${item}`)
    out[item.slice(0, eq)] = item.slice(eq + 1)
  }
  return out
}

/** `kubectl run NAME --image=IMAGE [--restart=…] [--port=…] [--env=…] [--labels=…] [--command] -- …`. */
export const runCommand: KubectlCommand = {
  name: 'run',
  flags: [
    { name: 'image', takesValue: true },
    { name: 'restart', takesValue: true },
    { name: 'port', takesValue: true },
    { name: 'env', takesValue: true, repeatable: true },
    { name: 'labels', short: 'l', takesValue: true },
    { name: 'command', takesValue: false },
    { name: 'image-pull-policy', takesValue: true },
  ],
  run(ctx) {
    const name = ctx.args.positional[0]
    if (!name) throw new KubectlError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples")
    const image = flag(ctx.args, 'image')
    if (!image) throw new KubectlError('error: required flag(s) "image" not set')
    const restart = flag(ctx.args, 'restart') ?? 'Always'
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`)
    const words = [...ctx.args.positional.slice(1), ...ctx.args.afterDash]
    const port = flag(ctx.args, 'port')
    const env = flagList(ctx.args, 'env').map((e) => {
      const eq = e.indexOf('=')
      return { name: e.slice(0, eq < 0 ? e.length : eq), value: eq < 0 ? '' : e.slice(eq + 1) }
    })
    const pullPolicy = flag(ctx.args, 'image-pull-policy')
    const container: Record<string, unknown> = {
      image,
      name,
      ...(words.length ? { [boolFlag(ctx.args, 'command') ? 'command' : 'args']: words } : {}),
      ...(env.length ? { env } : {}),
      ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
      ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
      resources: {},
    }
    const labelsFlag = flag(ctx.args, 'labels')
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { labels: labelsFlag ? keyValues([labelsFlag], 'label') : { run: name }, name },
      spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    }
    const result = applyManifest(ctx.sim.ctx, { manifest, source: 'STDIN', namespace: ctx.namespace, mode: 'create' })
    ctx.sim.settle()
    if (!result.ok) return result.error.replace(/error when creating "STDIN": /, '') + '\n'
    return describeApplyResult(result.resource, result.name, 'created') + '\n'
  },
}
