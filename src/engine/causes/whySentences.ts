/**
 * A chain of causes as sentences a teacher would say: "Pod web-7d4b9-x2k4p was created
 * by replicaset-controller at 00:00:01, because ReplicaSet web-7d4b9 was created with
 * 3 replicas by deployment-controller at 00:00:01, because Deployment web was created
 * by you (kubectl apply -f manifest.yaml) at 00:00:00." Each sentence is parts, so a
 * UI can make the objects in it clickable.
 */
import type { ObjectRef } from './causeLog.ts'
import type { WhyChain, WhyStep } from './whyChain.ts'

export type SentencePart = { text: string } | { object: ObjectRef }

/** `00:03:10`: simulated time since the cluster started. */
export function elapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  return [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60].map((n) => String(n).padStart(2, '0')).join(':')
}

function by(step: WhyStep): string {
  if (step.command) return `by you (${step.command})`
  if (step.actor) return `by ${step.actor}`
  return 'by the control plane'
}

/** One step: `ReplicaSet web-abc was created with 3 replicas by deployment-controller at 00:00:01`. */
export function stepSentence(step: WhyStep): SentencePart[] {
  const what = step.verb === 'create' || step.verb === 'remove' ? `was ${step.change}` : `was changed (${step.change})`
  return [{ text: `${step.object.kind} ` }, { object: step.object }, { text: ` ${what} ${by(step)} at ${elapsed(step.at)}` }]
}

/** The steps of a chain, the first as the subject and each later one as its "because". */
export function chainSentences(steps: WhyStep[]): SentencePart[][] {
  return steps.map((step, i) => (i === 0 ? stepSentence(step) : [{ text: 'because ' }, ...stepSentence(step)]))
}

/**
 * A later chain up to where it meets the creation already told: `joined` says the
 * rest is "Why it exists".
 */
export function untilCreation(steps: WhyStep[], created: WhyStep[]): { steps: WhyStep[]; joined: boolean } {
  const creation = created[0]
  if (!creation) return { steps, joined: false }
  const at = steps.findIndex((s) => s.object.uid === creation.object.uid && s.resourceVersion === creation.resourceVersion)
  return at <= 0 ? { steps, joined: false } : { steps: steps.slice(0, at), joined: true }
}

export const JOINED_TEXT = 'because it was created (see why it exists)'

export function partsText(parts: SentencePart[]): string {
  return parts.map((p) => ('text' in p ? p.text : p.object.name)).join('')
}

/** The whole answer as plain text (the CLI's and the tests' view). */
export function whyText(chain: WhyChain): string {
  const lines: string[] = []
  if (chain.created.length > 0) lines.push(...chainSentences(chain.created).map(partsText))
  else lines.push(`${chain.object.kind} ${chain.object.name}: its creation is no longer remembered`)
  const later = (title: string, steps: WhyStep[]) => {
    const { steps: told, joined } = untilCreation(steps, chain.created)
    lines.push(title, ...chainSentences(told).map(partsText))
    if (joined) lines.push(JOINED_TEXT)
  }
  if (chain.changed) later('Last change:', chain.changed)
  if (chain.status) later('Status:', chain.status)
  if (chain.pending) lines.push(`Pending: ${chain.pending}`)
  return lines.join('\n')
}
