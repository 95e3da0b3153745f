/**
 * `kubectl -f PATH` in the browser: the editor's files are the only files there are.
 * Every Apply is echoed as `kubectl apply -f manifest.yaml`, so that name (or
 * `./manifest.yaml`) means the editor's text as it is now.
 */
export { namedFileReader as editorFileReader } from '../engine/commandLog/namedFileReader.ts'
