import { useEffect, useState } from 'react'
import type { WhyChain, WhyStep } from '../../engine/causes/whyChain.ts'
import { chainSentences, JOINED_TEXT, untilCreation, type SentencePart } from '../../engine/causes/whySentences.ts'
import { useEngine } from '../engineContext.ts'
import { useCluster } from '../store/clusterStore.ts'

function Sentence({ parts }: { parts: SentencePart[] }) {
  const selectObject = useCluster((s) => s.selectObject)
  const objects = useCluster((s) => s.objects)
  return (
    <>
      {parts.map((p, i) => {
        if ('text' in p) return <span key={i}>{p.text}</span>
        const key = `${p.object.kind}/${p.object.namespace ?? ''}/${p.object.name}`
        const exists = objects[p.object.kind]?.[key]?.metadata.uid === p.object.uid
        return exists ? (
          <button key={i} type="button" className="object-link" onClick={() => selectObject(key)}>
            {p.object.name}
          </button>
        ) : (
          <span key={i} className="object-gone" title="No longer exists">
            {p.object.name}
          </span>
        )
      })}
    </>
  )
}

/** One chain as an ordered list of sentences; a later chain stops where it meets the creation. */
function Chain({ title, steps, created }: { title: string; steps: WhyStep[]; created?: WhyStep[] }) {
  const { steps: told, joined } = created ? untilCreation(steps, created) : { steps, joined: false }
  return (
    <section className="why-chain" aria-label={title}>
      <h3>{title}</h3>
      <ol className="why-steps">
        {chainSentences(told).map((parts, i) => (
          <li key={i} className={told[i].command ? 'why-user' : undefined}>
            <Sentence parts={parts} />
          </li>
        ))}
        {joined && <li className="muted">{JOINED_TEXT}</li>}
      </ol>
    </section>
  )
}

/** The chain of causes behind the object, streamed from the engine's records while shown. */
export function WhyTab({ uid }: { uid: string }) {
  const engine = useEngine()
  const [answer, setAnswer] = useState<{ uid: string; chain: WhyChain | null } | null>(null)
  useEffect(() => engine.watchWhy(uid, (chain) => setAnswer({ uid, chain })), [engine, uid])
  if (answer?.uid !== uid) return <p className="muted">Asking the engine…</p>
  const chain = answer.chain
  if (!chain) return <p className="describe-none">No record of this object.</p>
  return (
    <div className="why">
      {chain.pending && (
        <section className="why-chain" aria-label="Why it is Pending">
          <h3>Why it is Pending</h3>
          <p className="why-pending">{chain.pending}</p>
        </section>
      )}
      {chain.created.length > 0 ? <Chain title="Why it exists" steps={chain.created} /> : <p className="muted">Its creation is no longer remembered.</p>}
      {chain.changed && <Chain title="Last change" steps={chain.changed} created={chain.created} />}
      {chain.status && <Chain title="Status last reported" steps={chain.status} created={chain.created} />}
    </div>
  )
}
