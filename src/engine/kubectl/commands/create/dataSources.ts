import { KubectlError } from '../../resolve.ts'
import type { CommandContext } from '../context.ts'

/**
 * The key/value sources of `create configmap` and `create secret generic`
 * (--from-literal, --from-file, --from-env-file), read as kubectl reads them
 * (pkg/util ParseFileSource/ParseLiteralSource, cmd/util AddFromEnvFile).
 */
export type AddKey = (key: string, value: string) => void

const KEY_RULE = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
const ENV_RULE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"

/** validation.IsConfigMapKey's messages, joined by `sep`; empty when the key is fine. */
export function configKeyErrors(key: string, sep: string): string {
  const errs: string[] = []
  if (key.length > 253) errs.push('must be no more than 253 characters')
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) errs.push(KEY_RULE)
  if (key === '.') errs.push("must not be '.'")
  else if (key === '..') errs.push("must not be '..'")
  else if (key.startsWith('..')) errs.push("must not start with '..'")
  return errs.join(sep)
}

export function addLiteralSources(sources: string[], add: AddKey): void {
  for (const source of sources) {
    const eq = source.indexOf('=')
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${source}, expected key=value`)
    add(source.slice(0, eq), source.slice(eq + 1))
  }
}

function parseFileSource(source: string): [key: string, path: string] {
  const separators = source.split('=').length - 1
  if (separators === 0) return [source.split('/').filter(Boolean).at(-1) ?? source, source]
  if (separators === 1 && source.startsWith('=')) throw new KubectlError(`error: key name for file path ${source.slice(1)} missing`)
  if (separators === 1 && source.endsWith('=')) throw new KubectlError(`error: file path for key name ${source.slice(0, -1)} missing`)
  if (separators > 1) throw new KubectlError("error: key names or file paths cannot contain '='")
  const [key, path] = source.split('=')
  return [key, path]
}

function readLocal(ctx: CommandContext, path: string) {
  const read = ctx.io.readLocal?.(path)
  if (!read) throw new KubectlError(`error: error reading ${path}: no such file or directory`)
  return read
}

export function addFileSources(ctx: CommandContext, sources: string[], add: AddKey): void {
  for (const source of sources) {
    const [key, path] = parseFileSource(source)
    const read = readLocal(ctx, path)
    if ('file' in read) add(key, read.file)
    else {
      if (source.includes('=')) throw new KubectlError('error: cannot give a key name for a directory path')
      for (const f of read.dir) add(f.name, f.text)
    }
  }
}

export function addEnvFileSources(ctx: CommandContext, sources: string[], kindDirWord: string, add: AddKey): void {
  for (const path of sources) {
    const read = readLocal(ctx, path)
    if (!('file' in read)) throw new KubectlError(`error: env ${kindDirWord} file cannot be a directory`)
    for (const raw of read.file.replace(/^\uFEFF/, '').split(/\r?\n/)) {
      const line = raw.replace(/^\s+/, '')
      if (line === '' || line.startsWith('#')) continue
      const eq = line.indexOf('=')
      const key = eq < 0 ? line : line.slice(0, eq)
      if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) throw new KubectlError(`error: "${key}" is not a valid key name: ${ENV_RULE}`)
      // A line without `=` takes its value from kubectl's environment, which a simulation has none of.
      add(key, eq < 0 ? '' : line.slice(eq + 1))
    }
  }
}
