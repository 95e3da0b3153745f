import { objectMeta } from '../objectOutput.ts'
import type { CreateGenerator } from './generator.ts'

/** `kubectl create namespace NAME` (create_namespace.go). */
export const createNamespace: CreateGenerator = {
  path: ['namespace'],
  aliases: ['ns'],
  flags: [],
  build: ({ name }) => ({ kind: 'Namespace', apiVersion: 'v1', metadata: objectMeta({ name }), spec: {}, status: {} }),
}

/** `kubectl create serviceaccount NAME` (create_serviceaccount.go). */
export const createServiceAccount: CreateGenerator = {
  path: ['serviceaccount'],
  aliases: ['sa'],
  flags: [],
  failurePrefix: 'failed to create serviceaccount',
  build: ({ name, namespace }) => ({ kind: 'ServiceAccount', apiVersion: 'v1', metadata: objectMeta({ name, namespace }) }),
}
