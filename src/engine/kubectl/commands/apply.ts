import { flag } from '../args.ts'
import { applyManifestText } from '../applyText.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { createCronJob, createJob } from './createJob.ts'
import { createNamespace } from './createNamespace.ts'
import { readManifestInputs } from './manifestInput.ts'

function applyFiles(ctx: CommandContext, mode: 'apply' | 'create'): string {
  const inputs = readManifestInputs(ctx, mode)
  const namespace = flag(ctx.args, 'namespace')
  const lines: string[] = []
  for (const input of inputs) {
    const result = applyManifestText(ctx.sim.ctx, input.text, { source: input.name, namespace, mode })
    lines.push(...result.output)
  }
  ctx.sim.settle()
  return lines.map((l) => l + '\n').join('')
}

export const applyCommand: KubectlCommand = {
  name: 'apply',
  flags: [
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
    { name: 'recursive', short: 'R', takesValue: false },
  ],
  run: (ctx) => applyFiles(ctx, 'apply'),
}

export const createCommand: KubectlCommand = {
  name: 'create',
  flags: [
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
    { name: 'image', takesValue: true },
    { name: 'replicas', short: 'r', takesValue: true },
    { name: 'port', takesValue: true },
    { name: 'from', takesValue: true },
    { name: 'schedule', takesValue: true },
    { name: 'restart', takesValue: true },
  ],
  run(ctx) {
    if (ctx.args.positional.length > 0) return createImperative(ctx)
    return applyFiles(ctx, 'create')
  },
}

/** `kubectl create deployment|namespace|job|cronjob NAME …`. */
function createImperative(ctx: CommandContext): string {
  const [what, ...names] = ctx.args.positional
  if (what === 'namespace' || what === 'ns') return createNamespace(ctx, names)
  if (what === 'job') return createJob(ctx, names[0])
  if (what === 'cronjob' || what === 'cj') return createCronJob(ctx, names[0])
  return createDeployment(ctx, what, names[0])
}

/** `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P]`. */
function createDeployment(ctx: CommandContext, what: string, name: string | undefined): string {
  if (what !== 'deployment' && what !== 'deploy') {
    throw new KubectlError(`error: kubesim does not support "kubectl create ${what}" yet; write a manifest and use kubectl apply -f`)
  }
  const image = flag(ctx.args, 'image')
  if (!name) throw new KubectlError('error: exactly one NAME is required, got 0')
  if (!image) throw new KubectlError('error: required flag(s) "image" not set')
  const replicas = Number(flag(ctx.args, 'replicas') ?? '1')
  const port = flag(ctx.args, 'port')
  const container = `      - image: ${image}\n        name: ${image.split('/').pop()!.split(':')[0]}\n${port ? `        ports:\n        - containerPort: ${port}\n` : ''}`
  const manifest = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: ${name}\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n${container}`
  const result = applyManifestText(ctx.sim.ctx, manifest, { source: 'STDIN', namespace: ctx.namespace, mode: 'create' })
  ctx.sim.settle()
  return result.output.map((l) => l.replace(/^Error from server \(AlreadyExists\): error when creating "STDIN": /, 'error: failed to create deployment: ') + '\n').join('')
}
