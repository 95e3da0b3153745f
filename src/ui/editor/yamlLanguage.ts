/**
 * Kubernetes-aware hover help and completion in the editor, from a JSON schema generated
 * offline from kubernetes-types (`npm run schema`). Validation stays with the engine,
 * which reports errors as the API server words them.
 */
import type * as Monaco from 'monaco-editor/editor'
import { configureMonacoYaml } from 'monaco-yaml'
import k8sSchema from '../../engine/schema/k8sSchema.json'
import YamlWorker from './yaml.worker?worker'

type CreateWebWorkerOptions = { createData?: unknown; host?: unknown; keepIdleModels?: boolean }

export function configureKubernetesYaml(monaco: typeof Monaco): void {
  // monaco-yaml 5.5 still calls createWebWorker with the pre-0.53 options; give it a
  // monaco whose createWebWorker starts the YAML worker and hands it its createData.
  const monacoForYaml = {
    ...monaco,
    editor: {
      ...monaco.editor,
      createWebWorker(opts: CreateWebWorkerOptions) {
        const worker = new YamlWorker()
        worker.postMessage('ignore') // the first message makes the worker initialise
        worker.postMessage(opts.createData) // the second carries the language settings
        return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels } as never)
      },
    },
  } as unknown as typeof Monaco
  configureMonacoYaml(monacoForYaml as never, {
    enableSchemaRequest: false,
    validate: false,
    hover: true,
    completion: true,
    // Every tab's model path ends in its file name (`file:///tab-3/deployment.yaml`).
    schemas: [{ uri: 'inmemory://schemas/kubernetes.json', fileMatch: ['**/*.yaml'], schema: k8sSchema as never }],
  })
}
