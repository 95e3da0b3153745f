import type { PodTemplateSpec } from '../api/types.ts'
import { formatLabels } from '../util/labels.ts'
import { containersAndImages } from './columns.ts'
import { defineKind } from './kindModule.ts'

export const podTemplateKind = defineKind({
  names: { kind: 'PodTemplate', group: '', version: 'v1', plural: 'podtemplates', singular: 'podtemplate', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  table: {
    // printPodTemplate has no AGE column.
    columns: ['NAME', 'CONTAINERS', 'IMAGES', 'POD LABELS'],
    wideColumns: [],
    row(obj) {
      const template = obj.template as PodTemplateSpec | undefined
      const [containers, images] = containersAndImages(template?.spec)
      return [obj.metadata.name, containers, images, formatLabels(template?.metadata?.labels)]
    },
    wideRow: () => [],
  },
})
