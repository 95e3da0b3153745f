import { canonicalQuantity, parseExactQuantity } from '../../../util/exactQuantity.ts'
import { QUANTITY_ERROR } from '../../../util/quantity.ts'
import { flag } from '../../args.ts'
import { KubectlError } from '../../resolve.ts'
import { objectMeta } from '../objectOutput.ts'
import { intFlag } from './flags.ts'
import type { CreateGenerator } from './generator.ts'

/** `kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2]` (create_quota.go). */
export const createQuota: CreateGenerator = {
  path: ['quota'],
  aliases: ['resourcequota'],
  flags: [
    { name: 'hard', takesValue: true },
    { name: 'scopes', takesValue: true },
  ],
  failurePrefix: 'failed to create quota',
  build({ args, name, namespace }) {
    const hardText = flag(args, 'hard') ?? ''
    const scopesText = flag(args, 'scopes') ?? ''
    let hard: Record<string, string> | undefined
    if (hardText) {
      hard = {}
      for (const statement of hardText.split(',')) {
        const parts = statement.split('=')
        if (parts.length !== 2) throw new KubectlError(`error: Invalid argument syntax ${statement}, expected <resource>=<value>`)
        if (!parseExactQuantity(parts[1])) throw new KubectlError(`error: ${QUANTITY_ERROR}`)
        hard[parts[0]] = canonicalQuantity(parts[1])
      }
    }
    let scopes: string[] | undefined
    if (scopesText) {
      scopes = scopesText.split(',')
      if (scopes.includes('')) throw new KubectlError('error: invalid resource quota scope ""')
    }
    return { kind: 'ResourceQuota', apiVersion: 'v1', metadata: objectMeta({ name, namespace }), spec: { ...(hard ? { hard } : {}), ...(scopes ? { scopes } : {}) }, status: {} }
  },
}

/** `kubectl create priorityclass NAME --value=VALUE --global-default=BOOL [--preemption-policy=…] [--description=…]` (create_priorityclass.go). */
export const createPriorityClass: CreateGenerator = {
  path: ['priorityclass'],
  aliases: ['pc'],
  flags: [
    { name: 'value', takesValue: true },
    { name: 'global-default', takesValue: false },
    { name: 'description', takesValue: true },
    { name: 'preemption-policy', takesValue: true },
  ],
  failurePrefix: 'failed to create priorityclass',
  build({ args, name }) {
    const value = intFlag(args, 'value', 0, 'kubectl create priorityclass')
    const globalDefault = (flag(args, 'global-default') ?? 'false') !== 'false'
    const description = flag(args, 'description') ?? ''
    return {
      kind: 'PriorityClass',
      apiVersion: 'scheduling.k8s.io/v1',
      metadata: objectMeta({ name }),
      value,
      ...(globalDefault ? { globalDefault } : {}),
      ...(description ? { description } : {}),
      preemptionPolicy: flag(args, 'preemption-policy') ?? 'PreemptLowerPriority',
    }
  },
}
