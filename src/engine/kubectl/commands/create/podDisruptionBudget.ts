import { flag } from '../../args.ts'
import { KubectlError } from '../../resolve.ts'
import { objectMeta } from '../objectOutput.ts'
import type { CreateGenerator } from './generator.ts'

/**
 * metav1.ParseToLabelSelector for what a command line holds: `k=v`/`k==v` become
 * matchLabels, `k in (a,b)`, `k notin (a)`, `k` and `!k` become matchExpressions.
 */
export function parseToLabelSelector(text: string): Record<string, unknown> {
  const matchLabels: Record<string, string> = {}
  const matchExpressions: Record<string, unknown>[] = []
  for (const raw of text.split(/,(?![^(]*\))/)) {
    const req = raw.trim()
    if (!req) continue
    let m: RegExpMatchArray | null
    if ((m = req.match(/^(\S+?)\s*(!=)/))) throw new KubectlError('error: "!=" is not a valid label selector operator')
    if ((m = req.match(/^([^\s=!]+)\s*==?\s*(.*)$/))) matchLabels[m[1]] = m[2]
    else if ((m = req.match(/^(\S+)\s+(in|notin)\s*\((.*)\)$/))) {
      matchExpressions.push({ key: m[1], operator: m[2] === 'in' ? 'In' : 'NotIn', values: m[3].split(',').map((v) => v.trim()).filter(Boolean).sort() })
    } else if ((m = req.match(/^!(\S+)$/))) matchExpressions.push({ key: m[1], operator: 'DoesNotExist' })
    else if (/^\S+$/.test(req)) matchExpressions.push({ key: req, operator: 'Exists' })
    else throw new KubectlError(`error: unable to parse requirement: ${req}`)
  }
  return { ...(Object.keys(matchLabels).length ? { matchLabels } : {}), ...(matchExpressions.length ? { matchExpressions } : {}) }
}

/** intstr.Parse: a number stays a number, anything else (`50%`) a string. */
function intOrString(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text
}

/** `kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N|--max-unavailable=N` (create_pdb.go). */
export const createPodDisruptionBudget: CreateGenerator = {
  path: ['poddisruptionbudget'],
  aliases: ['pdb'],
  flags: [
    { name: 'min-available', takesValue: true },
    { name: 'max-unavailable', takesValue: true },
    { name: 'selector', takesValue: true },
  ],
  failurePrefix: 'failed to create poddisruptionbudgets',
  build({ args, name, namespace }) {
    const selector = flag(args, 'selector') ?? ''
    const minAvailable = flag(args, 'min-available') ?? ''
    const maxUnavailable = flag(args, 'max-unavailable') ?? ''
    if (!selector) throw new KubectlError('error: a selector must be specified')
    if (!minAvailable && !maxUnavailable) throw new KubectlError('error: one of min-available or max-unavailable must be specified')
    if (minAvailable && maxUnavailable) throw new KubectlError('error: min-available and max-unavailable cannot be both specified')
    if (minAvailable && !/^[0-9]+%?$/.test(minAvailable)) throw new KubectlError('error: invalid format specified for min-available')
    if (maxUnavailable && !/^[0-9]+%?$/.test(maxUnavailable)) throw new KubectlError('error: invalid format specified for max-unavailable')
    return {
      kind: 'PodDisruptionBudget',
      apiVersion: 'policy/v1',
      metadata: objectMeta({ name, namespace }),
      spec: {
        ...(minAvailable ? { minAvailable: intOrString(minAvailable) } : {}),
        selector: parseToLabelSelector(selector),
        ...(maxUnavailable ? { maxUnavailable: intOrString(maxUnavailable) } : {}),
      },
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
    }
  },
}
