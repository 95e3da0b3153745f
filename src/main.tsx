import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App.tsx'
import { EngineClientContext } from './ui/engineContext.ts'
import { extendBlock, useCluster } from './ui/store/clusterStore.ts'
import './ui/styles.css'
import { EngineClient } from './worker/engineClient.ts'

const engine = new EngineClient({
  onPatch: (batch) => useCluster.getState().applyBatch(batch),
  onFatal: (message) => useCluster.setState({ fatal: message }),
  onVocabulary: (vocabulary) => useCluster.setState({ vocabulary }),
  onWatchOutput: (requestId, text, ended) =>
    useCluster.setState((s) =>
      s.watch?.requestId === requestId
        ? { terminal: text ? extendBlock(s.terminal, s.watch.blockId, text.replace(/\n$/, '').split('\n')) : s.terminal, ...(ended ? { watch: null } : {}) }
        : {},
    ),
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EngineClientContext value={engine}>
      <App />
    </EngineClientContext>
  </StrictMode>,
)
