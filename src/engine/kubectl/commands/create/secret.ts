import { flag } from '../../args.ts'
import { KubectlError } from '../../resolve.ts'
import { objectMeta } from '../objectOutput.ts'
import { DATA_SOURCE_FLAGS } from './configMap.ts'
import { addEnvFileSources, addFileSources, addLiteralSources, configKeyErrors } from './dataSources.ts'
import { arrayFlag, sliceFlag } from './flags.ts'
import type { CreateGenerator, GeneratorInput } from './generator.ts'

/** Standard base64 of the UTF-8 bytes, as a Secret's `data` holds them. */
export function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function secret(name: string, namespace: string | undefined, data: Record<string, string>, type: string) {
  return { kind: 'Secret', apiVersion: 'v1', metadata: objectMeta({ name, namespace }), ...(Object.keys(data).length ? { data } : {}), ...(type ? { type } : {}) }
}

function refuseAppendHash(input: GeneratorInput) {
  if (flag(input.args, 'append-hash') === 'true') throw new KubectlError('error: kubesim does not support --append-hash yet')
}

/** A key adder for a Secret's data, refusing bad and repeated keys as create_secret.go does. */
function secretKeyAdder(data: Record<string, string>) {
  return (key: string, value: string) => {
    const errs = configKeyErrors(key, ';')
    if (errs) throw new KubectlError(`error: "${key}" is not valid key name for a Secret ${errs}`)
    if (key in data) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists`)
    data[key] = base64(value)
  }
}

/** `kubectl create secret generic NAME [--type=string] [--from-file=…] [--from-literal=…] [--from-env-file=…]` (create_secret.go). */
export const createSecretGeneric: CreateGenerator = {
  path: ['secret', 'generic'],
  flags: [...DATA_SOURCE_FLAGS, { name: 'type', takesValue: true }],
  failurePrefix: 'failed to create secret',
  build(input) {
    const { ctx, args, name, namespace } = input
    const files = sliceFlag(args, 'from-file')
    const literals = arrayFlag(args, 'from-literal')
    const envFiles = sliceFlag(args, 'from-env-file')
    if (envFiles.length && (files.length || literals.length)) throw new KubectlError('error: from-env-file cannot be combined with from-file or from-literal')
    refuseAppendHash(input)
    const data: Record<string, string> = {}
    const add = secretKeyAdder(data)
    addLiteralSources(literals, add)
    addFileSources(ctx, files, add)
    addEnvFileSources(ctx, envFiles, 'secret', add)
    return secret(name, namespace, data, flag(args, 'type') ?? '')
  },
}

/** `kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file` (create_secret_tls.go). */
export const createSecretTls: CreateGenerator = {
  path: ['secret', 'tls'],
  flags: [
    { name: 'cert', takesValue: true },
    { name: 'key', takesValue: true },
    { name: 'append-hash', takesValue: false },
  ],
  failurePrefix: 'failed to create secret',
  build(input) {
    const { ctx, args, name, namespace } = input
    const certPath = flag(args, 'cert') ?? ''
    const keyPath = flag(args, 'key') ?? ''
    if (!certPath || !keyPath) throw new KubectlError('error: key and cert must be specified')
    refuseAppendHash(input)
    const read = (path: string) => {
      const r = ctx.io.readLocal?.(path)
      if (!r) throw new KubectlError(`error: Cannot read file ${path}, open ${path}: no such file or directory`)
      if (!('file' in r)) throw new KubectlError(`error: Cannot read file ${path}, read ${path}: is a directory`)
      return r.file
    }
    const cert = read(certPath)
    const key = read(keyPath)
    // kubectl checks the pair with tls.X509KeyPair; kubesim checks only the PEM blocks are there.
    if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new KubectlError('error: tls: failed to find any PEM data in certificate input')
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) throw new KubectlError('error: tls: failed to find any PEM data in key input')
    return secret(name, namespace, { 'tls.crt': base64(cert), 'tls.key': base64(key) }, 'kubernetes.io/tls')
  },
}

/** `kubectl create secret docker-registry NAME --docker-username=… --docker-password=… --docker-email=… [--docker-server=…]` (create_secret_docker.go). */
export const createSecretDockerRegistry: CreateGenerator = {
  path: ['secret', 'docker-registry'],
  flags: [
    { name: 'docker-username', takesValue: true },
    { name: 'docker-password', takesValue: true },
    { name: 'docker-email', takesValue: true },
    { name: 'docker-server', takesValue: true },
    { name: 'from-file', takesValue: true, repeatable: true },
    { name: 'append-hash', takesValue: false },
  ],
  failurePrefix: 'failed to create secret',
  build(input) {
    const { ctx, args, name, namespace } = input
    const files = sliceFlag(args, 'from-file')
    const username = flag(args, 'docker-username') ?? ''
    const password = flag(args, 'docker-password') ?? ''
    const email = flag(args, 'docker-email') ?? ''
    const server = flag(args, 'docker-server') ?? 'https://index.docker.io/v1/'
    if (files.length === 0 && (!username || !password || !server)) {
      throw new KubectlError('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required')
    }
    refuseAppendHash(input)
    const data: Record<string, string> = {}
    if (files.length) addFileSources(ctx, files, secretKeyAdder(data))
    else {
      const entry = { username, password, ...(email ? { email } : {}), auth: base64(`${username}:${password}`) }
      data['.dockerconfigjson'] = base64(JSON.stringify({ auths: { [server]: entry } }))
    }
    return secret(name, namespace, data, 'kubernetes.io/dockerconfigjson')
  },
}
