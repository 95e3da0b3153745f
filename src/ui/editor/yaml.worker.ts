// The YAML language worker (completion and hover from the Kubernetes schema), bundled locally.
import 'monaco-yaml/yaml.worker.js'
