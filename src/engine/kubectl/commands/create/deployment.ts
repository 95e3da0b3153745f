import { KubectlError } from '../../resolve.ts'
import { objectMeta } from '../objectOutput.ts'
import { intFlag, sliceFlag } from './flags.ts'
import type { CreateGenerator } from './generator.ts'

/** A container name from an image, as buildPodSpec derives it (`docker.io/library/nginx:1.27` → `nginx`). */
function containerName(image: string): string {
  let name = image.split('/').at(-1)!
  if (name.includes(':')) name = name.split(':')[0]
  if (name.includes('@')) name = name.split('@')[0]
  // kubectl appends a random suffix after replacing `_` and `.`; kubesim has no randomness here, so it only replaces.
  return name.replace(/[_.]/g, '-')
}

/** `kubectl create deployment NAME --image=IMAGE… [--replicas=N] [--port=P] [-- COMMAND…]` (create_deployment.go). */
export const createDeployment: CreateGenerator = {
  path: ['deployment'],
  aliases: ['deploy'],
  flags: [
    { name: 'image', takesValue: true, repeatable: true },
    { name: 'replicas', short: 'r', takesValue: true },
    { name: 'port', takesValue: true },
  ],
  required: ['image'],
  failurePrefix: 'failed to create deployment',
  build({ args, name, namespace }) {
    const images = sliceFlag(args, 'image')
    const replicas = intFlag(args, 'replicas', 1, 'kubectl create deployment', 'r')
    const port = intFlag(args, 'port', -1, 'kubectl create deployment')
    const command = args.afterDash
    if (images.length > 1 && command.length > 0) throw new KubectlError('error: cannot specify multiple --image options and command')
    const labels = { app: name }
    const containers = images.map((image, i) => ({
      name: containerName(image),
      image,
      ...(command.length ? { command } : {}),
      ...(port >= 0 && i === 0 ? { ports: [{ containerPort: port }] } : {}),
      resources: {},
    }))
    return {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: objectMeta({ name, namespace, labels }),
      spec: {
        replicas,
        selector: { matchLabels: { ...labels } },
        template: { metadata: { labels: { ...labels } }, spec: { containers } },
        strategy: {},
      },
      status: {},
    }
  },
}
