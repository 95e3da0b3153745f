import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App.tsx'
import { EngineClientContext } from './ui/engineContext.ts'
import { chooseStart, keepSessionSaved, sessionHandlers } from './ui/session/sessionBoot.ts'
import { extendBlock, useCluster } from './ui/store/clusterStore.ts'
import './ui/styles.css'
import { EngineClient } from './worker/engineClient.ts'

// A share link or the saved session decides what the engine starts from.
void chooseStart().then((start) => {
  const engine: EngineClient = new EngineClient(
    {
      onPatch: (batch) => useCluster.getState().applyBatch(batch),
      onFatal: (message) => useCluster.setState({ fatal: message }),
      onVocabulary: (vocabulary) => useCluster.setState({ vocabulary }),
      onWatchOutput: (requestId, text) =>
        useCluster.setState((s) => (s.watch?.requestId === requestId ? { terminal: extendBlock(s.terminal, s.watch.blockId, text.replace(/\n$/, '').split('\n')) } : {})),
      ...sessionHandlers(() => engine),
    },
    start,
  )
  keepSessionSaved()

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <EngineClientContext value={engine}>
        <App />
      </EngineClientContext>
    </StrictMode>,
  )
})
