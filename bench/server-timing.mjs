// Measures how long the local servers keep the action waiting: every http server created after
// `installServerTiming()` gets a clock that adds up the time during which at least one request is
// in flight (from the request's headers arriving to the last byte of the answer being handed to
// the socket). Overlapping requests count once, so the figure is wall time, never more.
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { syncBuiltinESMExports } from 'node:module'

const clocks = []

export function installServerTiming() {
  const original = http.createServer
  http.createServer = function timedCreateServer(...args) {
    const listenerAt = args.findIndex((a) => typeof a === 'function')
    if (listenerAt >= 0) {
      const clock = newClock()
      clocks.push(clock)
      const listener = args[listenerAt]
      args[listenerAt] = function timedListener(req, res) {
        clock.begin()
        const startedAt = performance.now()
        let done = false
        const end = () => {
          if (done) return
          done = true
          clock.end(startedAt)
        }
        res.once('finish', end)
        res.once('close', end)
        return listener.call(this, req, res)
      }
    }
    return original.apply(this, args)
  }
  // The support servers import `createServer` by name from node:http; make that name see the wrapper.
  syncBuiltinESMExports()
}

/** The clock of the most recently created server (call right after starting one). */
export function lastServerClock() {
  return clocks.at(-1)
}

function newClock() {
  let active = 0
  let since = 0n
  let busy = 0n
  let requests = 0
  const intervals = []
  return {
    begin() {
      requests++
      if (active++ === 0) since = process.hrtime.bigint()
    },
    end(startedAt) {
      if (--active === 0) busy += process.hrtime.bigint() - since
      intervals.push({ startedAt, endedAt: performance.now() })
    },
    /** Busy milliseconds, request count, and each request's `performance.now()` span, since the last reset. */
    read: () => ({ ms: Number(busy) / 1e6, requests, intervals: [...intervals] }),
    reset() {
      busy = 0n
      requests = 0
      intervals.length = 0
    }
  }
}
