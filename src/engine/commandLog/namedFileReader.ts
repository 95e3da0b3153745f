import type { KubectlIO } from '../kubectl/runKubectl.ts'

/** A file kubectl can read with `-f NAME` (in the app: one of the editor's open files). */
export interface CommandFile {
  name: string
  text: string
}

/**
 * `kubectl -f PATH` where the only files are the ones given by name (the editor's, or the
 * ones a logged command read): `manifest.yaml` or `./manifest.yaml` is the file of that name.
 */
export function namedFileReader(files: CommandFile[], onRead?: (file: CommandFile) => void): NonNullable<KubectlIO['readPath']> {
  return (path) => {
    const file = files.find((f) => f.name === path.replace(/^(\.\/)+/, ''))
    if (!file) return undefined
    onRead?.(file)
    return [{ name: path, text: file.text }]
  }
}
