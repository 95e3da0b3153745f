import { flag } from '../args.ts'
import { applyManifestText } from '../applyText.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { readManifestInputs } from './manifestInput.ts'

/** `kubectl apply -f` and `kubectl create -f`: every document of every file named. */
export function applyFiles(ctx: CommandContext, mode: 'apply' | 'create'): string {
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
