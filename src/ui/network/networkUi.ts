import { create } from 'zustand'

export type CenterView = 'cluster' | 'network' | 'storage'

/** UI state of the network view: which view the centre shows and the Service whose details are open. */
export interface NetworkUiState {
  view: CenterView
  /** `namespace/name` of the Service in the details panel. */
  selectedService: string | null
  setView(view: CenterView): void
  selectService(key: string | null): void
}

export const useNetworkUi = create<NetworkUiState>()((set) => ({
  view: 'cluster',
  selectedService: null,
  setView: (view) => set({ view }),
  selectService: (selectedService) => set({ selectedService }),
}))
