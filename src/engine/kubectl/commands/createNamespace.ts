import { ApiError } from '../../api/errors.ts'
import type { CommandContext } from './context.ts'

/** `kubectl create namespace NAME`: a bare Namespace, refused as the API server refuses it. */
export function createNamespace(ctx: CommandContext, names: string[]): string {
  if (names.length !== 1) return `error: exactly one NAME is required, got ${names.length}\nSee 'kubectl create namespace -h' for help and examples\n`
  try {
    ctx.sim.ctx.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: names[0], uid: '', resourceVersion: '', creationTimestamp: '' } })
  } catch (e) {
    if (e instanceof ApiError) return e.printed() + '\n'
    throw e
  }
  ctx.sim.settle()
  return `namespace/${names[0]} created\n`
}
