import { KubectlError } from '../resolve.ts'
import type { CommandContext } from './context.ts'
import { runSetChange } from './setWorkload.ts'

/**
 * `kubectl set serviceaccount RESOURCE NAME`: sets the pod template's
 * serviceAccountName. kubectl patches even when it is already that name, and says so.
 */
export function setServiceAccount(ctx: CommandContext, args: string[]): string {
  if (args.length === 0) throw new KubectlError('error: serviceaccount is required')
  const serviceAccount = args[args.length - 1]
  return runSetChange(
    ctx,
    args.slice(0, -1),
    'serviceaccount updated',
    (_draft, spec) => {
      spec.serviceAccountName = serviceAccount
    },
    { alwaysWrite: true, failurePrefix: 'failed to patch ServiceAccountName' },
  )
}
