// The action's own check run: opened at start, closed exactly once, whatever happens in between.
import { CheckRunLifecycle, completeOnCancel, type SignalSource } from '../../src/github/check-run-lifecycle.js'
import { REPO, startHarness, type Harness } from './harness.js'

const HEAD = 'beef000000000000000000000000000000000002'
let h: Harness

beforeEach(async () => {
  h = await startHarness()
  h.server.world.addRepo(REPO)
})

afterEach(async () => {
  expect(h.server.invalidRequests).toEqual([])
  // Never left open, whatever the scenario.
  expect(h.server.world.checkRuns.every((r) => r.status === 'completed' && r.conclusion !== null)).toBe(true)
  await h.server.close()
})

const lifecycle = () => new CheckRunLifecycle(h.publisher, { name: 'github-agent', headSha: HEAD, logger: h.log })

async function runWork(check: CheckRunLifecycle, work: () => Promise<void>): Promise<void> {
  await check.start()
  try {
    await work()
    await check.complete({ conclusion: 'success', title: 'Done', summary: 'All good' })
  } catch (error) {
    await check.complete({ conclusion: 'failure', title: 'Failed', summary: String(error) })
    throw error
  } finally {
    await check.complete({ conclusion: 'neutral', title: 'Ended', summary: 'fallback' })
  }
}

describe('CheckRunLifecycle', () => {
  it('opens in_progress on the head SHA and completes it: two requests', async () => {
    const check = lifecycle()
    await check.start()
    expect(h.server.world.checkRuns[0]).toMatchObject({ head_sha: HEAD, status: 'in_progress', name: 'github-agent' })
    await check.complete({ conclusion: 'success', title: 'Done', summary: 'All good' })

    expect(h.calls()).toEqual(['checks/create', 'checks/update'])
    expect(h.server.world.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success', output: { title: 'Done', summary: 'All good' } })
  })

  it('completes once: a finally after a catch sends no second update', async () => {
    await expect(runWork(lifecycle(), () => Promise.reject(new Error('model exploded')))).rejects.toThrow('model exploded')

    expect(h.calls()).toEqual(['checks/create', 'checks/update'])
    expect(h.server.world.checkRuns[0]).toMatchObject({ conclusion: 'failure', output: { title: 'Failed', summary: 'Error: model exploded' } })
  })

  it('shares one update between concurrent completions (signal handler and finally)', async () => {
    const check = lifecycle()
    await check.start()
    await Promise.all([
      check.complete({ conclusion: 'cancelled', title: 'Cancelled', summary: 'signal' }),
      check.complete({ conclusion: 'success', title: 'Done', summary: 'finally' })
    ])
    expect(h.server.countOf('checks/update')).toBe(1)
    expect(h.server.world.checkRuns[0]?.conclusion).toBe('cancelled')
  })

  it('waits for a start still in flight before completing', async () => {
    const check = lifecycle()
    void check.start()
    await check.complete({ conclusion: 'success', title: 'Done', summary: 'quick' })
    expect(h.calls()).toEqual(['checks/create', 'checks/update'])
  })

  it('creates the run completed when start failed, so the result still shows', async () => {
    h.server.fail({ operationId: 'checks/create', status: 403 })
    const check = lifecycle()
    await check.start()
    await check.complete({ conclusion: 'failure', title: 'Failed', summary: 'x' })

    expect(h.calls()).toEqual(['checks/create', 'checks/create'])
    expect(h.server.world.checkRuns).toHaveLength(1)
    expect(h.log.lines.some((l) => l.startsWith("warning: Could not create check run 'github-agent'"))).toBe(true)
  })

  it('closes the run after a 500 on the completing update (retried)', async () => {
    h.server.fail({ operationId: 'checks/update', status: 500 })
    const check = lifecycle()
    await check.start()
    await check.complete({ conclusion: 'success', title: 'Done', summary: 'ok' })
    expect(h.calls()).toEqual(['checks/create', 'checks/update', 'checks/update'])
  })

  it('closes the run after a secondary rate limit on the completing update', async () => {
    h.server.fail({
      operationId: 'checks/update',
      status: 403,
      headers: { 'retry-after': '2' },
      body: { message: 'You have exceeded a secondary rate limit.' }
    })
    const check = lifecycle()
    await check.start()
    await check.complete({ conclusion: 'success', title: 'Done', summary: 'ok' })
    expect(h.server.countOf('checks/update')).toBe(2)
  })

  it('sends 120 annotations as the completing update plus two more, 50 per request', async () => {
    const check = lifecycle()
    await check.start()
    const annotations = Array.from({ length: 120 }, (_, i) => ({
      path: 'a.ts',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'warning' as const,
      message: `w${i}`
    }))
    await check.complete({ conclusion: 'neutral', title: 'Findings', summary: '120 findings', annotations })

    expect(h.calls()).toEqual(['checks/create', 'checks/update', 'checks/update', 'checks/update'])
    const sizes = h.server.requests
      .filter((r) => r.operationId === 'checks/update')
      .map((r) => (r.body as { output: { annotations: unknown[] } }).output.annotations.length)
    expect(sizes).toEqual([50, 50, 20])
    expect(h.server.world.checkRuns[0]?.output.annotations).toHaveLength(120)
  })

  it('completes as cancelled when the workflow is cancelled (SIGTERM), then exits', async () => {
    const handlers = new Map<string, () => void>()
    const source: SignalSource = { once: (s, fn) => handlers.set(s, fn), removeListener: (s) => handlers.delete(s) }
    const check = lifecycle()
    await check.start()
    const exited = new Promise<string>((resolve) => completeOnCancel(check, source, resolve))
    handlers.get('SIGTERM')?.()

    expect(await exited).toBe('SIGTERM')
    expect(h.server.world.checkRuns[0]).toMatchObject({ conclusion: 'cancelled' })
  })

  it('removes its signal handlers once the run ended normally', async () => {
    const handlers = new Map<string, () => void>()
    const source: SignalSource = { once: (s, fn) => handlers.set(s, fn), removeListener: (s) => handlers.delete(s) }
    const check = lifecycle()
    const dispose = completeOnCancel(check, source, () => {})
    expect([...handlers.keys()]).toEqual(['SIGINT', 'SIGTERM'])
    dispose()
    expect(handlers.size).toBe(0)
    await check.complete({ conclusion: 'success', title: 'Done', summary: 'ok' })
  })
})
