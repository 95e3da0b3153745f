import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useCluster } from '../store/clusterStore.ts'
import { configKeys, configView, parseUsers } from './configRows.ts'
import { ObjectButton, PodButtons } from './objectButtons.tsx'

const TAG = { ConfigMap: 'cm', Secret: 'secret' }

/** One ConfigMap or Secret: its keys (or that it is missing), and each pod that uses it and how. */
const ConfigRow = memo(function ConfigRow({ storeKey }: { storeKey: string }) {
  const v = useCluster(useShallow((s) => configView(s, storeKey)))
  const users = parseUsers(v.users)
  const tags: Record<string, string> = {}
  for (const u of users) tags[u.pod] = tags[u.pod] ? `${tags[u.pod]}, ${u.use}` : u.use
  return (
    <li className={`storage-row${v.exists ? '' : ' storage-row-missing'}`} aria-label={v.label}>
      <div className="storage-chain">
        <span className="workload-kind" aria-hidden="true">
          {TAG[v.kind]}
        </span>
        {v.namespace !== 'default' && <span className="ns-tag">{v.namespace}</span>}
        {v.exists ? <ObjectButton storeKey={storeKey} label={`${v.kind} ${v.name}`} text={v.name} /> : <span className="workload-name">{v.name}</span>}
        {v.exists ? (
          <span className="workload-badge badge-tone-muted">
            {v.keys} {v.keys === 1 ? 'key' : 'keys'}
          </span>
        ) : (
          <span className={`workload-badge badge-tone-${v.blocking ? 'bad' : 'muted'}`}>missing</span>
        )}
        {v.type && <span className="storage-facts-inline">{v.type}</span>}
      </div>
      {v.blocking && <div className="storage-waiting storage-waiting-bad">{v.kind} not found: the pods below cannot start until it exists</div>}
      <PodButtons namespace={v.namespace} pods={[...new Set(users.map((u) => u.pod))].join(' ')} what={`Pods using ${v.kind} ${v.name}`} tags={tags} />
    </li>
  )
})

/** ConfigMaps and Secrets in the shown namespace, missing ones (named by a pod, not there) first. */
export function ConfigSection() {
  const keys = useCluster(useShallow(configKeys))
  const missing = useCluster((s) => configKeys(s).filter((k) => !s.objects[k.slice(0, k.indexOf('/'))]?.[k]).length)
  return (
    <section className="storage-section" aria-label={`ConfigMaps and Secrets, ${keys.length}${missing ? `, ${missing} missing` : ''}`}>
      <h2 className="storage-title">
        ConfigMaps and Secrets <span className="storage-count">{keys.length}</span>
      </h2>
      <p className="storage-note">Mounted as a volume, or read into env / envFrom</p>
      {keys.length === 0 ? (
        <p className="pod-empty">No ConfigMaps or Secrets</p>
      ) : (
        <ul className="storage-list">
          {keys.map((k) => (
            <ConfigRow key={k} storeKey={k} />
          ))}
        </ul>
      )}
    </section>
  )
}
