import { defineKind, type KindModule, type ResourceNames } from './kindModule.ts'

/**
 * Kinds kubesim stores and lists (NAME, AGE) with nothing more of their own yet. Those a
 * real cluster would act on (`simulated: false`) make apply warn that kubesim does not.
 * A kind that grows a table, a describer or a controller moves to a module of its own.
 */
const stored = (kind: string, group: string, version: string, plural: string, shortNames: string[], namespaced: boolean, simulated: boolean, extra: Partial<ResourceNames> = {}): KindModule =>
  defineKind({ names: { kind, group, version, plural, singular: kind.toLowerCase(), shortNames, namespaced, ...extra }, simulated })

export const STORED_KINDS: KindModule[] = [
  stored('ValidatingAdmissionPolicy', 'admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicies', [], false, false),
  stored('ValidatingAdmissionPolicyBinding', 'admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicybindings', [], false, false),
  stored('VolumeAttributesClass', 'storage.k8s.io', 'v1', 'volumeattributesclasses', ['vac'], false, true),
  stored('FlowSchema', 'flowcontrol.apiserver.k8s.io', 'v1', 'flowschemas', [], false, true),
  stored('PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io', 'v1', 'prioritylevelconfigurations', [], false, true),
  stored('DeviceClass', 'resource.k8s.io', 'v1', 'deviceclasses', [], false, false),
  stored('ResourceClaim', 'resource.k8s.io', 'v1', 'resourceclaims', [], true, false),
  stored('ResourceClaimTemplate', 'resource.k8s.io', 'v1', 'resourceclaimtemplates', [], true, false),
  stored('ResourceSlice', 'resource.k8s.io', 'v1', 'resourceslices', [], false, false),
]
