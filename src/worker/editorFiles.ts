import type { KubectlIO } from '../engine/kubectl/runKubectl.ts'
import type { EditorFile } from './protocol.ts'

/**
 * `kubectl -f PATH` in the browser: the editor's files are the only files there are.
 * Every Apply is echoed as `kubectl apply -f manifest.yaml`, so that name (or
 * `./manifest.yaml`) means the editor's text as it is now.
 */
export function editorFileReader(files: EditorFile[]): NonNullable<KubectlIO['readPath']> {
  return (path) => {
    const file = files.find((f) => f.name === path.replace(/^(\.\/)+/, ''))
    return file ? [{ name: path, text: file.text }] : undefined
  }
}
