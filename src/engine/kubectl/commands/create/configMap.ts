import { flag } from '../../args.ts'
import { KubectlError } from '../../resolve.ts'
import { objectMeta } from '../objectOutput.ts'
import { addEnvFileSources, addFileSources, addLiteralSources, configKeyErrors } from './dataSources.ts'
import { arrayFlag, sliceFlag } from './flags.ts'
import type { CreateGenerator } from './generator.ts'

export const DATA_SOURCE_FLAGS = [
  { name: 'from-file', takesValue: true, repeatable: true },
  { name: 'from-literal', takesValue: true, repeatable: true },
  { name: 'from-env-file', takesValue: true, repeatable: true },
  { name: 'append-hash', takesValue: false },
]

/** `kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key=value] [--from-env-file=source]` (create_configmap.go). */
export const createConfigMap: CreateGenerator = {
  path: ['configmap'],
  aliases: ['cm'],
  flags: DATA_SOURCE_FLAGS,
  failurePrefix: 'failed to create configmap',
  build({ ctx, args, name, namespace }) {
    const files = sliceFlag(args, 'from-file')
    const literals = arrayFlag(args, 'from-literal')
    const envFiles = sliceFlag(args, 'from-env-file')
    if (envFiles.length && (files.length || literals.length)) throw new KubectlError('error: from-env-file cannot be combined with from-file or from-literal')
    if (flag(args, 'append-hash') === 'true') throw new KubectlError('error: kubesim does not support --append-hash yet')
    const data: Record<string, string> = {}
    const add = (key: string, value: string) => {
      const errs = configKeyErrors(key, ',')
      if (errs) throw new KubectlError(`error: "${key}" is not a valid key name for a ConfigMap: ${errs}`)
      if (key in data) throw new KubectlError(`error: cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`)
      data[key] = value
    }
    addFileSources(ctx, files, add)
    addLiteralSources(literals, add)
    addEnvFileSources(ctx, envFiles, 'config', add)
    return { kind: 'ConfigMap', apiVersion: 'v1', metadata: objectMeta({ name, namespace }), ...(Object.keys(data).length ? { data } : {}) }
  },
}
