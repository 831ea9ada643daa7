import { run } from './main.js'
import { processRuntime } from './runner/runtime.js'

await run(processRuntime())
