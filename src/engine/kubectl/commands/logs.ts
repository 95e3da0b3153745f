import type { ApiStore } from '../../api/store.ts'
import type { Job, Pod } from '../../api/types.ts'
import { parseSimTime } from '../../clock.ts'
import { isControlledBy } from '../../controllers/ownership.ts'
import { boolFlag, flag } from '../args.ts'
import { KubectlError } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'

/**
 * The pod a `logs` target names: `POD`, `pod/POD`, or `job/NAME` (the Job's first pod,
 * as kubectl's logs for a controller picks one).
 */
function podOf(store: ApiStore, namespace: string, target: string): string {
  const m = /^(job|jobs|job\.batch)\/(.+)$/.exec(target)
  if (!m) return target.replace(/^(pod|pods|po)\//, '')
  const job = store.get<Job>('Job', namespace, m[2])
  if (!job) throw new KubectlError(`Error from server (NotFound): jobs.batch "${m[2]}" not found`)
  const pods = store.dependents<Pod>(job.metadata.uid, 'Pod').filter((p) => isControlledBy(p, job))
  if (pods.length === 0) throw new KubectlError('error: timed out waiting for the condition')
  const first = [...pods].sort((a, b) => parseSimTime(a.metadata.creationTimestamp) - parseSimTime(b.metadata.creationTimestamp) || (a.metadata.name < b.metadata.name ? -1 : 1))[0]
  return first.metadata.name
}

export const logsCommand: KubectlCommand = {
  name: 'logs',
  flags: [
    { name: 'container', short: 'c', takesValue: true },
    { name: 'previous', short: 'p', takesValue: false },
    { name: 'follow', short: 'f', takesValue: false },
  ],
  run(ctx) {
    const target = ctx.args.positional[0]
    if (!target) {
      throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples")
    }
    const name = podOf(ctx.sim.store, ctx.namespace, target)
    const pod = ctx.sim.store.get<Pod>('Pod', ctx.namespace, name)
    if (!pod) throw new KubectlError(`Error from server (NotFound): pods "${name}" not found`)
    const containerName = flag(ctx.args, 'container') ?? pod.spec.containers[0].name
    if (!pod.spec.containers.some((c) => c.name === containerName)) {
      throw new KubectlError(`error: container ${containerName} is not valid for pod ${name}`)
    }
    const previous = boolFlag(ctx.args, 'previous')
    const status = pod.status.containerStatuses?.find((c) => c.name === containerName)
    if (previous && !status?.lastState?.terminated) {
      throw new KubectlError(`Error from server (BadRequest): previous terminated container "${containerName}" in pod "${name}" not found`)
    }
    if (!status || (!status.state.running && !status.state.terminated && !status.lastState?.terminated)) {
      const reason = status?.state.waiting?.reason ?? 'ContainerCreating'
      throw new KubectlError(`Error from server (BadRequest): container "${containerName}" in pod "${name}" is waiting to start: ${reason === 'ContainerCreating' ? 'ContainerCreating' : `trying and failing to pull image`}`)
    }
    const kubelet = pod.spec.nodeName ? ctx.sim.kubelets.get(pod.spec.nodeName) : undefined
    const lines = kubelet?.logs(pod.metadata.uid, containerName, previous) ?? []
    return lines.map((l) => l + '\n').join('')
  },
}
