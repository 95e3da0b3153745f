import { describe, expect, it } from 'vitest'
import { closeTab, openTab, persistWorkspace, restoreWorkspace, tabText, uniqueName, useWorkspace, workspaceFiles } from './workspace.ts'

function memory(): Storage {
  const data = new Map<string, string>()
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } as Storage
}

describe('editor workspace', () => {
  it('starts with manifest.yaml; a sample opens a new tab and never replaces the first', () => {
    restoreWorkspace(memory(), 'mine')
    const first = useWorkspace.getState().activeId
    const sample = openTab('job.yaml', 'job text')
    expect(useWorkspace.getState().activeId).toBe(sample)
    expect(tabText(first)).toBe('mine')
    expect(workspaceFiles()).toEqual([
      { name: 'manifest.yaml', text: 'mine' },
      { name: 'job.yaml', text: 'job text' },
    ])
  })

  it('names stay unique, so kubectl -f NAME means one tab', () => {
    expect(uniqueName('job.yaml', ['job.yaml', 'job-2.yaml'])).toBe('job-3.yaml')
    expect(uniqueName('Makefile', ['Makefile'])).toBe('Makefile-2')
    restoreWorkspace(memory(), '')
    openTab('job.yaml', '')
    openTab('job.yaml', '')
    expect(useWorkspace.getState().tabs.map((t) => t.name)).toEqual(['manifest.yaml', 'job.yaml', 'job-2.yaml'])
  })

  it('closing shows the neighbour; closing the last leaves an empty manifest.yaml', () => {
    restoreWorkspace(memory(), 'x')
    const only = useWorkspace.getState().activeId
    const b = openTab('b.yaml', '')
    closeTab(b)
    expect(useWorkspace.getState().activeId).toBe(only)
    closeTab(only)
    expect(workspaceFiles()).toEqual([{ name: 'manifest.yaml', text: '' }])
  })

  it('persists plain files (not kubectl edit buffers) and restores them with the same tab showing', () => {
    const storage = memory()
    restoreWorkspace(storage, 'mine')
    openTab('job.yaml', 'job')
    openTab('kubectl-edit-deployment-web.yaml', 'buffer', { editId: 1, blockId: 1 })
    openTab('service.yaml', 'svc')
    persistWorkspace(storage)
    restoreWorkspace(storage, 'ignored')
    expect(workspaceFiles()).toEqual([
      { name: 'manifest.yaml', text: 'mine' },
      { name: 'job.yaml', text: 'job' },
      { name: 'service.yaml', text: 'svc' },
    ])
    const { tabs, activeId } = useWorkspace.getState()
    expect(tabs.find((t) => t.id === activeId)?.name).toBe('service.yaml')
  })
})
