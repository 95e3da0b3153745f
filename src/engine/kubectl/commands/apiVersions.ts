import { apiVersionOf } from '../../api/resources.ts'
import { allKinds } from '../../kinds/registry.ts'
import { METRICS_SERVER_NAME, METRICS_SERVER_NAMESPACE } from '../../metrics/metricsServer.ts'
import { KubectlError } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'

/** `kubectl api-versions`: every group/version the kind registry serves, sorted as Go's sort.Strings sorts. */
export const apiVersionsCommand: KubectlCommand = {
  name: 'api-versions',
  flags: [],
  run(ctx) {
    if (ctx.args.positional.length > 0) {
      throw new KubectlError(`error: unexpected arguments: [${ctx.args.positional.join(' ')}]\nSee 'kubectl api-versions -h' for help and examples`)
    }
    const versions = new Set<string>()
    for (const k of allKinds()) {
      versions.add(apiVersionOf(k.names))
      for (const v of k.names.alsoServedAs ?? []) versions.add(v)
    }
    // metrics-server's APIService adds the resource metrics API to discovery.
    if (ctx.sim.store.get('Deployment', METRICS_SERVER_NAMESPACE, METRICS_SERVER_NAME)) versions.add('metrics.k8s.io/v1beta1')
    return [...versions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((v) => v + '\n').join('')
  },
}
